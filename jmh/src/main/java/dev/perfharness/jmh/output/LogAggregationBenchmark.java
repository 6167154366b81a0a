package dev.perfharness.jmh.output;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.OutputSettings.AggregatorVariant;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.output.ContainerOutput;
import dev.perfharness.sut.output.ContainerOutputs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Seed 002: "Log aggregation: 2x processing throughput" from making its {@code LogAggregator} "fully
 * async with buffered channels" and batches of 50 lines.
 *
 * <p>Container output lines from one producer, through each {@code aggregator} variant the service has,
 * with the service's defaults otherwise ({@code log-format=builder}; async: batches of 50, 16 ms, a queue
 * of 1000, {@code when-full=block}): {@code sync} (the before) formats and stores each line on the
 * producer's thread, {@code async} (the after) queues it for one aggregator thread. The score is lines
 * accepted per second.
 *
 * <p>An accepted async line may still wait in the queue, so the secondary metric {@code deliveredLines}
 * counts lines formatted and stored during the iteration ({@code output_lines_total}), per second: the
 * aggregator's real throughput. After each iteration the output is flushed, so no iteration inherits
 * another's queue. {@code droppedLines} counts lines the aggregator gave up on
 * ({@code output_dropped_total}, summed over the measured iterations; 0 unless
 * {@code aggregator.when-full=count-drops} or a line fails to format). Run:
 * {@code java -jar jmh/target/benchmarks.jar LogAggregationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogAggregationBenchmark {
    private static final int SOURCES = 8;
    private static final int LINES = 64;
    private static final int LINE_LENGTH = 120;

    /** sync is seed 002's before, async its after. */
    @Param
    public AggregatorVariant aggregator;

    private ServiceMetrics metrics;
    private ContainerOutput output;
    private final String[] sources = new String[SOURCES];
    private final String[] lines = new String[LINES];
    private int next;

    @Setup(Level.Trial)
    public void setUp(Delivery delivery) {
        metrics = new ServiceMetrics();
        output = ContainerOutputs.create(BenchmarkSettings.with("aggregator", label(aggregator)).output(), metrics);
        for (int i = 0; i < SOURCES; i++) {
            sources[i] = "run-" + i;
        }
        for (int i = 0; i < LINES; i++) {
            lines[i] = ("line " + i + " ").repeat(LINE_LENGTH).substring(0, LINE_LENGTH);
        }
        delivery.watch(metrics.registry(), output);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        output.close();
        metrics.close();
    }

    @Benchmark
    public void accept() {
        int line = next++;
        // Lines of several containers interleave, as they do when several runs write at once.
        output.accept(sources[line & (SOURCES - 1)], lines[line & (LINES - 1)]);
    }

    /**
     * Lines stored and dropped per iteration, from the output's meters. Handed to the benchmark's set-up
     * (not to the benchmark method) so that JMH reports it and the meters reach it.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivery {
        /** Lines formatted and stored while the iteration ran; JMH divides by its time. */
        public long deliveredLines;

        private MeterRegistry meters;
        private ContainerOutput output;
        private double storedBefore;
        private double droppedBefore;
        private Drops drops;

        void watch(MeterRegistry meters, ContainerOutput output) {
            this.meters = meters;
            this.output = output;
        }

        @Setup(Level.Iteration)
        public void start(Drops drops) {
            this.drops = drops;
            storedBefore = count("output.lines");
            droppedBefore = count("output.dropped");
        }

        @TearDown(Level.Iteration)
        public void end() {
            // Read before the flush: lines the aggregator stores while flushing were not stored in the iteration.
            deliveredLines = (long) (count("output.lines") - storedBefore);
            output.flush();
            drops.droppedLines = (long) (count("output.dropped") - droppedBefore);
        }

        private double count(String name) {
            return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
        }
    }

    /** Lines not stored; JMH adds the iterations up. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Drops {
        public long droppedLines;
    }
}
