package dev.perfharness.jmh.output;

import dev.perfharness.config.OutputSettings.LogFormat;
import dev.perfharness.sut.output.LineFormatter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Seed 002: "string building: 60 % less" allocation and time for prefixing container output lines.
 * Every {@code log-format} variant the service has, on the same lines; bytes/op (from the gc profiler)
 * answers the allocation half of the claim, the score the time half.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LineFormatBenchmark {
    private static final int LINES = 64;

    /** concat is seed 002's before; builder and pooled are its after. */
    @Param
    public LogFormat format;

    @Param({"120"})
    public int lineLength;

    private LineFormatter formatter;
    private final String[] lines = new String[LINES];
    private Instant arrived;
    private String source;
    private int next;

    @Setup
    public void setUp() {
        formatter = LineFormatter.of(format);
        arrived = Instant.parse("2026-11-24T10:00:00.123Z");
        source = "run-42";
        for (int i = 0; i < LINES; i++) {
            lines[i] = ("line " + i + " ").repeat(lineLength).substring(0, lineLength);
        }
    }

    @Benchmark
    public String format() {
        // Cycling through distinct lines keeps the JIT from specializing on one input.
        return formatter.format(arrived, source, lines[next++ & (LINES - 1)]);
    }
}
