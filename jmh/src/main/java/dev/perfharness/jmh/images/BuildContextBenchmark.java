package dev.perfharness.jmh.images;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.jmh.support.RetainedHeap;
import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.buffers.BufferPools;
import dev.perfharness.sut.images.BuildContextTar;
import dev.perfharness.sut.images.BuildContexts;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
 * Seed 002: "Large tar operations blocking: No streaming or chunked processing", answered by
 * "Streaming Tar Operations" ({@code TarDirStreaming} over an {@code io.Pipe}), and its memory claims for
 * tar buffers; seed 003: "40 % improvement in memory efficiency".
 *
 * <p>The tar of a build context, as the engine would receive it, through each {@code build.context}
 * variant the service has: {@code in-memory} (the before) writes the whole tar into a byte array and then
 * hands it out; {@code streamed} (the after) writes it on a virtual thread into a pipe while the reader
 * drains the other end. The reader here is a counting sink that discards the bytes, so neither the disk
 * nor an engine is measured; the contexts are the service's own ({@link BuildContexts#DEFAULT_SPECS}:
 * {@code small}, 100 files of 1 KiB; {@code large}, 20 files of 5 MiB), read from the page cache after
 * the first build. Copy buffers come from the service's default buffer pool ({@code buffers=tiered}).
 *
 * <p>The score is the time per tar (its size over the score is the throughput); bytes/op is what a tar
 * allocates. The secondary metric {@code heldBytes} is the heap an opened tar holds before the engine has
 * read anything: the whole tar and its array's slack for in-memory, a pipe for streamed (resolution about
 * 64 KiB). It is taken once, when the trial starts (in the first warmup iteration, so its collections and
 * allocations stay out of the measured ones), and each measured iteration reports its share, so that
 * JMH's sum over iterations is the figure. Run: {@code java -jar jmh/target/benchmarks.jar BuildContextBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildContextBenchmark {
    private static final int SINK_BYTES = 64 * 1024;

    /** in-memory is seed 002's before, streamed its after. */
    @Param
    public BuildContextVariant buildContext;

    /** A context of {@link BuildContexts#DEFAULT_SPECS}: many small files or few large ones. */
    @Param({"small", "large"})
    public String contextSize;

    private ServiceMetrics metrics;
    private BufferPool buffers;
    private BuildContexts contexts;
    private BuildContextTar tar;
    private Path dir;
    private final byte[] sink = new byte[SINK_BYTES];

    @Setup(Level.Trial)
    public void setUp(HeldMemory held) throws IOException {
        HarnessSettings settings = BenchmarkSettings.with();
        metrics = new ServiceMetrics();
        buffers = BufferPools.create(settings.buffers(), metrics);
        contexts = BuildContexts.create(settings.containers().busyboxImage());
        dir = contexts.resolve(contextSize);
        tar = BuildContextTar.create(buildContext, buffers);
        held.measured = heldByAnOpenTar();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        contexts.close();
        buffers.close();
        metrics.close();
    }

    /** @return the tar's bytes */
    @Benchmark
    public long tarToSink() throws IOException {
        try (InputStream in = tar.open(dir)) {
            return drain(in);
        }
    }

    private long drain(InputStream in) throws IOException {
        long total = 0;
        int read;
        while ((read = in.read(sink, 0, SINK_BYTES)) >= 0) {
            total += read;
        }
        return total;
    }

    /** The heap still in use while a tar is open and unread, less the heap in use before it was opened. */
    private long heldByAnOpenTar() throws IOException {
        // Once through first, so that the buffer pool, the classes and the page cache are warm. In a method
        // of its own: an interpreted frame keeps a closed stream's local alive, and with it the whole tar.
        tarToSink();
        long before = RetainedHeap.used();
        try (InputStream in = tar.open(dir)) {
            long held = RetainedHeap.used() - before;
            drain(in);
            return held;
        }
    }

    /** {@code heldBytes} as a secondary metric; handed to the set-up so that JMH reports it. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class HeldMemory {
        /** This iteration's share of the heap an open tar holds (JMH adds the measured iterations up). */
        public double heldBytes;

        private long measured;

        @TearDown(Level.Iteration)
        public void report(BenchmarkParams params) {
            heldBytes = measured * EventCounters.iterationShare(params);
        }
    }
}
