package dev.perfharness.sut.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The formatted lines of each source, kept for reading back. Bounded per source: the last
 * {@value #MAX_LINES_PER_SOURCE} lines and at most {@value #MAX_CHARS_PER_SOURCE} characters, the
 * oldest leaving first and counted in {@code output_lines_trimmed_total} (a long-running container's
 * log would otherwise grow without end; long lines would make a line count alone a weak bound).
 * Sources stay until {@link #forget}; their number is the caller's to bound.
 */
final class LineStore {
    static final int MAX_LINES_PER_SOURCE = 10_000;
    static final int MAX_CHARS_PER_SOURCE = 1 << 20;

    private final ConcurrentHashMap<String, SourceLines> sources = new ConcurrentHashMap<>();
    private final int maxLinesPerSource;
    private final Counter trimmed;

    LineStore(MeterRegistry registry) {
        this(registry, MAX_LINES_PER_SOURCE);
    }

    LineStore(MeterRegistry registry, int maxLinesPerSource) {
        this.maxLinesPerSource = maxLinesPerSource;
        this.trimmed = Counter.builder("output.lines.trimmed")
                .description("oldest lines let go because their source held " + maxLinesPerSource + " lines or " + MAX_CHARS_PER_SOURCE + " characters").register(registry);
    }

    void add(String source, String formatted) {
        int letGo = sources.computeIfAbsent(source, name -> new SourceLines()).add(formatted, maxLinesPerSource);
        if (letGo > 0) {
            trimmed.increment(letGo);
        }
    }

    List<String> lines(String source) {
        SourceLines lines = sources.get(source);
        return lines == null ? List.of() : lines.snapshot();
    }

    void forget(String source) {
        sources.remove(source);
    }

    private static final class SourceLines {
        private final ArrayDeque<String> lines = new ArrayDeque<>();
        private long chars;

        /** Appends; returns how many of the oldest lines had to go. */
        synchronized int add(String line, int max) {
            lines.addLast(line);
            chars += line.length();
            int letGo = 0;
            while (lines.size() > 1 && (lines.size() > max || chars > MAX_CHARS_PER_SOURCE)) {
                chars -= lines.removeFirst().length();
                letGo++;
            }
            return letGo;
        }

        synchronized List<String> snapshot() {
            return List.copyOf(lines);
        }
    }
}
