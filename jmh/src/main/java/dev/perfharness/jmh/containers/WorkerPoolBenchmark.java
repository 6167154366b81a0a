package dev.perfharness.jmh.containers;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.WorkerSettings.WorkerVariant;
import dev.perfharness.config.WorkerSettings;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.sut.containers.WorkerPool;
import dev.perfharness.sut.containers.WorkerPools;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Seed 002 (engine-ci plan, "Worker pool processing: 2.5x throughput improvement"): container operations
 * completed per second when a batch of {@value #BATCH} of them is handed to the worker pool that
 * {@code workers} names, built by the service's {@link WorkerPools#create} with its defaults
 * ({@code workers.count=4}, {@code workers.queue=100}). {@code sequential} is the seed's before (one
 * operation after another), {@code fixed-pool} its after (4 platform threads on a queue), and
 * {@code virtual-threads} the JVM's own answer (a virtual thread per operation, 4 at a time).
 *
 * <p>The operation is a model, not a container: a blocking wait of {@code waitMillis} on the worker's
 * thread ({@link Thread#sleep}), standing for a worker blocked on the engine's answer to create, start,
 * wait and remove. The seed's gain comes from overlapping those waits, and a model isolates exactly
 * that: the pool's bound and its hand-off costs, with nothing else on the two cores. A real run would
 * put dockerd, containerd and runc on the same two cores as the benchmark, so the figure would say as
 * much about the machine as about the pool, cost seconds per batch, and need an engine; the model needs
 * none and runs everywhere. For pure waits the ideal is {@code workers.count} times the sequential
 * throughput (4x); what a pool reaches below that is its own overhead.
 *
 * <p>Secondary metric {@code mostAtOnce}: the most operations seen running at the same time in an
 * iteration, the parallelism the pool actually gave (1, or {@code workers.count}).
 *
 * <p>Run: {@code bin/harness jmh --include WorkerPoolBenchmark} (no engine needed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkerPoolBenchmark {
    /** Operations per invocation: fewer than the queue holds (100), so no submission is refused. */
    static final int BATCH = 16;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    @Param
    public WorkerVariant workers;

    /** How long one operation blocks its worker, in milliseconds. */
    @Param({"1", "10"})
    public int waitMillis;

    private WorkerPool pool;

    @Setup(Level.Trial)
    public void startPool() {
        WorkerSettings settings = BenchmarkSettings.with("workers", label(workers)).workers();
        pool = WorkerPools.create(settings, "bench");
    }

    @TearDown(Level.Trial)
    public void stopPool() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(SHUTDOWN_WAIT)) {
            pool.interruptRunning();
            pool.awaitTermination(SHUTDOWN_WAIT);
        }
    }

    /**
     * The most operations running at once. JMH adds an EVENTS counter up over the measurement iterations of
     * every fork, so each iteration reports its share of the figure, and the sum is the mean per iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Parallelism {
        public double mostAtOnce;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private double share;

        @Setup(Level.Trial)
        public void shareOfIterations(BenchmarkParams params) {
            share = EventCounters.iterationShare(params);
        }

        @Setup(Level.Iteration)
        public void reset() {
            most.set(0);
        }

        @TearDown(Level.Iteration)
        public void report() {
            mostAtOnce = most.get() * share;
        }

        void started() {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
        }

        void ended() {
            running.decrementAndGet();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch(Parallelism parallelism) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            pool.execute(() -> operation(parallelism, done));
        }
        done.await();
    }

    private void operation(Parallelism parallelism, CountDownLatch done) {
        parallelism.started();
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            parallelism.ended();
            done.countDown();
        }
    }
}
