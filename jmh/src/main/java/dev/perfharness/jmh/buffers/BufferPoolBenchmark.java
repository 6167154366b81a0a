package dev.perfharness.jmh.buffers;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.BufferSettings.BufferVariant;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.buffers.BufferPools;
import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Seed 002: "Buffer management: 40 % reduction through object pooling" (its 8 KB log and 32 KB tar
 * {@code sync.Pool}s), and seed 003: "40 % improvement in memory efficiency" from "multiple pool sizes"
 * (1 KB, 256 KB, 2.5 MB, 5 MB, 10 MB), with its alert at "buffer pool hit rate < 80 %".
 *
 * <p>One borrow, use and return of a buffer through every {@code buffers} variant the service has:
 * {@code none} (a new array per use, the seeds' before), {@code fixed} (seed 002's two pools),
 * {@code tiered} (seed 003's pool, pre-warmed as the service is) and {@code netty} (Netty's pooled
 * allocator). "Use" writes the {@code bufferBytes} asked for, as a log read or tar copy fills its buffer.
 * The sizes are the tiers' sizes plus 4 KB, the size the log stream actually asks for (32 KB is the tar's).
 *
 * <p>bytes/op ({@code gc.alloc.rate.norm}) answers "fewer allocations"; the secondary metric
 * {@code hitRatePercent} is the share of acquires the pool served without allocating, from the pool's own
 * {@code buffer_pool_hits_total} / {@code buffer_acquires_total} meters (0 for {@code none}, which has no
 * hits). Run: {@code java -jar jmh/target/benchmarks.jar BufferPoolBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BufferPoolBenchmark {

    /** none is the seeds' before; fixed (seed 002), tiered (seed 003) and netty are afters. */
    @Param
    public BufferVariant buffers;

    /** 1 KB .. 10 MB: every tier of fixed and tiered, and 4 KB, the log stream's read. */
    @Param({"1024", "4096", "8192", "32768", "262144", "2621440", "5242880", "10485760"})
    public int bufferBytes;

    private ServiceMetrics metrics;
    private BufferPool pool;
    private byte fill;

    @Setup(Level.Trial)
    public void setUp(PoolHits hits) {
        metrics = new ServiceMetrics();
        pool = BufferPools.create(BenchmarkSettings.with("buffers", label(buffers)).buffers(), metrics);
        hits.meters = metrics.registry();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
        metrics.close();
    }

    @Benchmark
    public byte borrowUseReturn() {
        try (BufferPool.Buffer buffer = pool.acquire(bufferBytes)) {
            byte[] bytes = buffer.array();
            int offset = buffer.offset();
            Arrays.fill(bytes, offset, offset + bufferBytes, ++fill);
            return bytes[offset + bufferBytes - 1];
        }
    }

    /**
     * The pool's hit rate over each measured iteration, from its meters. JMH sums an EVENTS counter over
     * iterations and forks; each iteration reports its share of the mean so that the sum is the mean.
     * Handed to the benchmark's set-up (not to the benchmark method) so that JMH reports it and the pool's
     * meters reach it: a state that takes the benchmark class itself gets an instance of its own.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PoolHits {
        /** Acquires served without allocating, in percent of all acquires. */
        public double hitRatePercent;

        private MeterRegistry meters;
        private double hitsBefore;
        private double acquiresBefore;

        @Setup(Level.Iteration)
        public void start() {
            hitsBefore = total(meters, "buffer.pool.hits");
            acquiresBefore = total(meters, "buffer.acquires");
        }

        @TearDown(Level.Iteration)
        public void end(BenchmarkParams params) {
            double acquires = total(meters, "buffer.acquires") - acquiresBefore;
            double hits = total(meters, "buffer.pool.hits") - hitsBefore;
            double percent = acquires == 0 ? 0 : 100 * hits / acquires;
            hitRatePercent = percent * EventCounters.iterationShare(params);
        }
    }

    /** Every count named {@code name}, over all its tags; counters and function counters alike. */
    static double total(MeterRegistry meters, String name) {
        double sum = 0;
        for (Meter meter : meters.find(name).meters()) {
            for (Measurement measurement : meter.measure()) {
                if (measurement.getStatistic() == Statistic.COUNT) {
                    sum += measurement.getValue();
                }
            }
        }
        return sum;
    }
}
