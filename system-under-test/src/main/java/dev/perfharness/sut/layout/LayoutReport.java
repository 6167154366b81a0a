package dev.perfharness.sut.layout;

import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.tokens.TokenDigest;
import dev.perfharness.sut.tokens.TokenEntry;
import dev.perfharness.sut.ws.MultiJobWatchSocket;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.vm.VM;

/**
 * Seed 002's struct-alignment change, measured on the JVM: the layout (instance size, field offsets,
 * padding) of its {@code LogEntry} in the before and the after field order, and of the service's hot
 * objects, as JOL reads them from the running VM.
 *
 * <p>What to expect: HotSpot does not keep declaration order. It lays fields out itself (wide fields
 * first, narrow ones into the gaps, including the 4 bytes after a 12-byte header), so two classes that
 * differ only in field order get the same layout, and the seed's reordering gains nothing here. The
 * report shows that with numbers, plus what each order would cost if fields were placed as declared
 * with natural alignment (the C and Go rule), which is the gain the seed counted on.
 */
public final class LayoutReport {
    /** JOL's switch to find field offsets by experiment where {@code Unsafe} refuses them. */
    private static final String MAGIC_FIELD_OFFSET = "jol.magicFieldOffset";

    static {
        // Unsafe.objectFieldOffset throws for record classes (PullJob, LayerProgress); JOL reads this switch
        // once, when it first initializes, so it is set here, before any layout is parsed, unless given.
        if (System.getProperty(MAGIC_FIELD_OFFSET) == null) {
            System.setProperty(MAGIC_FIELD_OFFSET, "true");
        }
    }

    private LayoutReport() {
    }

    /** The classes the report covers, in order. */
    static List<Class<?>> classes() {
        return List.of(LogEntryBefore.class, LogEntryAfter.class, PullJob.class, LayerProgress.class,
                TokenEntry.class, TokenDigest.class, MultiJobWatchSocket.class);
    }

    /** Prints every class's layout, then a summary table and the finding on field order. */
    public static void print(PrintWriter out) {
        out.println("# Object layouts (JOL), seed 002's struct alignment");
        out.println();
        out.println(VM.current().details().strip());
        out.println();
        List<Row> rows = new ArrayList<>();
        for (Class<?> type : classes()) {
            ClassLayout layout = ClassLayout.parseClass(type);
            rows.add(Row.of(type, layout));
            out.println("## " + type.getName());
            out.println(layout.toPrintable().strip());
            out.println();
        }
        out.println("## Summary (bytes)");
        out.printf("%-24s %8s %8s %8s %16s%n", "class", "instance", "header", "padding", "declared-order");
        for (Row row : rows) {
            out.printf("%-24s %8d %8d %8d %16d%n", row.name(), row.instanceSize(), row.headerSize(), row.padding(), row.declaredOrderSize());
        }
        out.println();
        Row before = rows.get(0);
        Row after = rows.get(1);
        long gain = before.instanceSize() - after.instanceSize();
        out.printf("LogEntry: before order %d bytes, after order %d bytes: the reordering saves %d bytes per entry on this JVM.%n",
                before.instanceSize(), after.instanceSize(), gain);
        out.printf("Placed as declared with natural alignment (Go's rule) they would take %d and %d bytes.%n",
                before.declaredOrderSize(), after.declaredOrderSize());
        out.println("instance = what the VM allocates; padding = bytes lost to alignment inside and at the end;");
        out.println("declared-order = header plus the fields in source order, each aligned to its own size, the total to "
                + VM.current().objectAlignment() + " bytes.");
        out.flush();
    }

    /** One class's figures. */
    record Row(String name, long instanceSize, int headerSize, long padding, long declaredOrderSize) {
        static Row of(Class<?> type, ClassLayout layout) {
            return new Row(type.getSimpleName(), layout.instanceSize(), layout.headerSize(), layout.getLossesTotal(),
                    LayoutReport.declaredOrderSize(type, layout));
        }
    }

    /**
     * The size {@code type} would have if its fields sat in declaration order (superclass fields first),
     * each at the next offset that is a multiple of its size: no reordering, no filling of gaps. Relies on
     * {@link Class#getDeclaredFields()} returning source order, which HotSpot does (the spec does not
     * promise it).
     */
    static long declaredOrderSize(Class<?> type, ClassLayout layout) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        long offset = layout.headerSize();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                long size = VM.current().sizeOfField(field.getType().getName());
                offset = align(offset, size) + size;
            }
        }
        return align(offset, VM.current().objectAlignment());
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    /** For tests: each class's summary row. */
    static Map<Class<?>, Row> rows() {
        return classes().stream().collect(Collectors.toMap(Function.identity(), type -> Row.of(type, ClassLayout.parseClass(type))));
    }
}
