package dev.perfharness.sut.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.sut.layout.LayoutReport.Row;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;

class LayoutReportTest {

    @Test
    void printsEveryClassWithItsOffsetsAndASummaryOfSizes() {
        StringWriter text = new StringWriter();

        LayoutReport.print(new PrintWriter(text));

        String report = text.toString();
        for (Class<?> type : LayoutReport.classes()) {
            long size = ClassLayout.parseClass(type).instanceSize();
            assertThat(report).contains("## " + type.getName());
            assertThat(report).containsPattern("(?m)^" + type.getSimpleName() + " +" + size + " ");
        }
        assertThat(report).contains("Instance size:", "OFF  SZ", "LogEntryBefore.isDone", "LogEntryAfter.isFailed");
        assertThat(report).containsPattern("LogEntry: before order \\d+ bytes, after order \\d+ bytes");
    }

    @Test
    void theDeclaredOrderSizeFollowsNaturalAlignment() {
        Map<Class<?>, Row> rows = LayoutReport.rows();
        Row before = rows.get(LogEntryBefore.class);
        Row after = rows.get(LogEntryAfter.class);
        // Each flag of the before order is followed by padding up to the next long; the after order packs them.
        long header = before.headerSize();
        long reference = org.openjdk.jol.vm.VM.current().sizeOfField("java.util.List");
        long beforeFields = align(align(align(header + 1, 8) + 8 + 1, 8) + 8 + reference + reference, 8);
        long afterFields = align(align(header, 8) + 8 + 8 + reference + reference + 1 + 1, 8);

        assertThat(before.declaredOrderSize()).isEqualTo(beforeFields);
        assertThat(after.declaredOrderSize()).isEqualTo(afterFields);
        assertThat(before.instanceSize()).isLessThanOrEqualTo(before.declaredOrderSize());
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}
