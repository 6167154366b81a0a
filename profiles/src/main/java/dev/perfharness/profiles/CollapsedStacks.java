package dev.perfharness.profiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A profile in the collapsed-stacks format async-profiler writes ({@code frame;frame;leaf count}, one
 * stack a line, root first). async-profiler may write the same stack on several lines, so counts of
 * equal stacks are added together.
 */
public final class CollapsedStacks {
    private static final Pattern RUNTIME_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{6,}");
    private final String source;
    private final Map<String, Long> counts;
    private final long total;

    private CollapsedStacks(String source, Map<String, Long> counts) {
        this.source = source;
        this.counts = Collections.unmodifiableMap(counts);
        this.total = counts.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }

    /**
     * Reads a collapsed-stacks file.
     *
     * @throws ProfilingException naming the file and line of a line that is not {@code stack count}
     */
    public static CollapsedStacks read(Path file) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), lines);
        } catch (IOException e) {
            throw new ProfilingException("cannot read collapsed stacks " + file + ": " + e, e);
        }
    }

    /** Parses collapsed stacks from text; {@code source} names it in errors. */
    public static CollapsedStacks parse(String source, String text) {
        try {
            return parse(source, new BufferedReader(new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stacks and counts as given (stacks {@code ;}-separated, root first); zero counts are dropped. */
    public static CollapsedStacks of(String source, Map<String, Long> counts) {
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((stack, count) -> {
            if (stack.isEmpty() || count < 0) {
                throw new IllegalArgumentException("stack '" + stack + "' with count " + count);
            }
            if (count > 0) {
                copy.merge(stack, count, Math::addExact);
            }
        });
        return new CollapsedStacks(source, copy);
    }

    private static CollapsedStacks parse(String source, BufferedReader lines) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            // Frame names may hold spaces ("C2 Runtime new_array"), so the count is after the last one.
            int space = line.stripTrailing().lastIndexOf(' ');
            String stack = space < 0 ? "" : line.substring(0, space);
            String count = space < 0 ? line.strip() : line.substring(space + 1).strip();
            if (stack.isBlank()) {
                throw badLine(source, number, line, "expected 'frame;frame;leaf count'");
            }
            long value;
            try {
                value = Long.parseLong(count);
            } catch (NumberFormatException e) {
                throw badLine(source, number, line, "the count '" + count + "' is not a whole number");
            }
            if (value < 0) {
                throw badLine(source, number, line, "the count " + value + " is negative");
            }
            try {
                counts.merge(stack, value, Math::addExact);
            } catch (ArithmeticException e) {
                throw badLine(source, number, line, "the counts of this stack overflow a long");
            }
        }
        counts.values().removeIf(count -> count == 0);
        try {
            return new CollapsedStacks(source, counts);
        } catch (ArithmeticException e) {
            throw new ProfilingException(source + ": the total of all counts overflows a long");
        }
    }

    private static ProfilingException badLine(String source, int number, String line, String problem) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        return new ProfilingException(source + " line " + number + ": " + problem + ": " + shown);
    }

    /** Where these stacks came from: a file path or a label. */
    public String source() {
        return source;
    }

    /** Each distinct stack and its summed count, in the order first seen; unmodifiable. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** The count of one stack, 0 when absent. */
    public long count(String stack) {
        return counts.getOrDefault(stack, 0L);
    }

    /** All samples (or, for an allocation profile dumped with {@code total}, all bytes). */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Both profiles' stacks in one, counts of equal stacks added (e.g. the forks of one benchmark). */
    public CollapsedStacks merge(CollapsedStacks other) {
        Map<String, Long> merged = new LinkedHashMap<>(counts);
        other.counts.forEach((stack, count) -> merged.merge(stack, count, Math::addExact));
        return new CollapsedStacks(source + " + " + other.source, merged);
    }

    /**
     * The same stacks with the JVM's run-specific addresses in frame names made equal: hidden classes and
     * lambda forms are named by where they were loaded ({@code LambdaForm$MH.0x000000009e061c00.invoke},
     * {@code Foo$$Lambda.0x00007f...run}), which differs between two runs of the same code and would show
     * the same frame as gone in one profile and new in the other.
     */
    public CollapsedStacks withoutRuntimeAddresses() {
        Map<String, Long> normalized = new LinkedHashMap<>();
        counts.forEach((stack, count) -> normalized.merge(RUNTIME_ADDRESS.matcher(stack).replaceAll("0x*"), count, Math::addExact));
        return new CollapsedStacks(source, normalized);
    }

    /** Writes these stacks in collapsed format, one line per distinct stack; atomically. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        counts.forEach((stack, count) -> text.append(stack).append(' ').append(count).append('\n'));
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new ProfilingException("cannot write collapsed stacks " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return source + " (" + counts.size() + " stacks, " + total + " samples)";
    }
}
