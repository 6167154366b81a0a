package dev.perfharness.jmh.tokens;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.TokenSettings.TokenVariant;
import dev.perfharness.config.TokenSettings;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.jmh.support.RetainedHeap;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.tokens.IssuedToken;
import dev.perfharness.sut.tokens.TokenCheck;
import dev.perfharness.sut.tokens.TokenManager;
import dev.perfharness.sut.tokens.TokenManagers;
import io.micrometer.core.instrument.Gauge;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * Seed 003's token manager: "100,000+ active tokens with &lt;50MB memory usage", "99% reduction in
 * goroutine count for token management" and "complete elimination of memory leaks from token cleanup".
 * Each variant is built by the service's factory ({@link TokenManagers#create}) from {@code tokens}, with
 * {@code tokens.max} = {@code tokenCount} so the capped variants hold them all:
 *
 * <ul>
 *   <li>{@code PER_TOKEN_TIMER}, the before: a virtual thread per token sleeps until the token expires
 *       (the seed's goroutine per token); no cap.
 *   <li>{@code MIN_HEAP}, the seed's after: LRU map plus expiry min-heap, one cleaner thread.
 *   <li>{@code CAFFEINE}: a Caffeine cache with expire-after-write and a size bound.
 * </ul>
 *
 * Benchmarks, with {@code tokenCount} tokens held:
 *
 * <ul>
 *   <li>{@link #issue}: one more token (secure random, SHA-256, store). The capped variants are full, so
 *       each issue also evicts one; the before has no cap and grows by every token issued (rebuilt between
 *       iterations once it holds a million more than {@code tokenCount}).
 *   <li>{@link #validate}: one held token checked.
 *   <li>{@link #cleanup}, single shot: {@code tokenCount} tokens all expired, until the store holds none.
 *       The capped variants run their own pass (the cleaner's, Caffeine's maintenance) once a clock jumps
 *       past the expiry. The before has no pass: its timers sleep real time, so its tokens are issued with a
 *       TTL longer than issuing them takes and the shot starts when the last one is due; its score is how
 *       long the timers lag behind, its work is in {@code cpuNanosPerToken}: the CPU time of the JVM's
 *       platform threads (virtual-thread carriers included; GC and JIT threads are not Java threads) from
 *       the first token's expiry to the last removal, per token removed; for the others the same window
 *       around their pass.
 * </ul>
 *
 * Secondary metrics of {@code issue} and {@code validate}: {@code heapBytesPerToken} (retained heap after
 * full collections, the store and its timers included, measured after a warm-up so the timers first sleep
 * in compiled code; below 100 000 tokens it still varies from run to run with the JIT's progress),
 * {@code platformThreads} (live platform threads the
 * store added, by {@link ThreadMXBean}, which does not see virtual threads) and {@code virtualTimerThreads}
 * (the service's own {@code token.timer.threads} gauge: the before's sleeping timers).
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar TokenManagerBenchmark}
 */
@State(Scope.Benchmark)
public class TokenManagerBenchmark {
    /** Tokens kept for {@link #validate}; issued after the footprint is measured, so they do not count in it. */
    private static final int SAMPLE = 1024;
    /**
     * Tokens issued (and dropped) before the footprint is measured, so the code is compiled first: a
     * timer that first sleeps in the interpreter keeps a stack five times the size of a compiled one.
     */
    private static final int WARM_UP_TOKENS = 100_000;
    /** The before grows by every token {@link #issue} adds; past this many extra it is rebuilt between iterations. */
    private static final int REBUILD_ABOVE = 1_000_000;
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param
    public TokenVariant tokens;

    @Param({"10000", "100000", "1000000"})
    public int tokenCount;

    private TokenSettings settings(Duration ttl) {
        return BenchmarkSettings.with("tokens", label(tokens), "tokens.max", Integer.toString(tokenCount),
                "tokens.ttl", ttl.toMillis() + "ms").tokens();
    }

    /** Live per-token timers, from the service's own gauge; 0 for the variants without them. */
    private static double timerThreads(ServiceMetrics metrics) {
        Gauge gauge = metrics.registry().find("token.timer.threads").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /**
     * CPU time of every live platform thread by id (the carriers of virtual threads among them), in
     * nanoseconds: per-thread clocks are exact where the process clock counts in scheduler ticks.
     */
    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU time the platform threads spent since {@code before}; a thread started since counts from zero. */
    private static long threadCpuSince(Map<Long, Long> before) {
        long spent = 0;
        for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
            spent += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return spent;
    }

    /** Closes a manager and waits until the before's timers have all ended, so no fork keeps a million of them. */
    private static void shutDown(TokenManager tokens, ServiceMetrics metrics) {
        tokens.close();
        long deadline = System.nanoTime() + SHUTDOWN_LIMIT.toNanos();
        while (timerThreads(metrics) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        double left = timerThreads(metrics);
        metrics.close();
        if (left > 0) {
            throw new IllegalStateException("%.0f token timers still alive %s after close".formatted(left, SHUTDOWN_LIMIT));
        }
    }

    /** {@code tokenCount} tokens valid for an hour, and what holding them costs. */
    @State(Scope.Benchmark)
    public static class Held {
        TokenManager tokens;
        final String[] sample = new String[SAMPLE];
        int next;
        double heapBytesPerToken;
        double platformThreads;
        double virtualTimerThreads;
        private ServiceMetrics metrics;
        private TokenSettings settings;
        private int tokenCount;

        @Setup(Level.Trial)
        public void fill(TokenManagerBenchmark benchmark) throws InterruptedException {
            settings = benchmark.settings(Duration.ofHours(1));
            tokenCount = benchmark.tokenCount;
            // Counted before the warm-up: the virtual-thread carriers it starts serve the store measured after it.
            int threadsBefore = THREADS.getThreadCount();
            ServiceMetrics warmUpMetrics = new ServiceMetrics();
            TokenManager warmUp = TokenManagers.create(settings, warmUpMetrics);
            for (int i = 0; i < WARM_UP_TOKENS; i++) {
                warmUp.issue();
            }
            shutDown(warmUp, warmUpMetrics);
            // Lets the JIT compiler finish what the warm-up queued before the measured timers first sleep.
            Thread.sleep(1_000);
            metrics = new ServiceMetrics();
            long heapBefore = RetainedHeap.used();
            fillAllButSample();
            // Lets the last timers reach their sleep, so their stacks are on the heap when it is measured.
            Thread.sleep(200);
            long heapAfter = RetainedHeap.used();
            heapBytesPerToken = (double) (heapAfter - heapBefore) / (tokenCount - SAMPLE);
            platformThreads = THREADS.getThreadCount() - threadsBefore;
            virtualTimerThreads = timerThreads(metrics);
            issueSample();
        }

        private void fillAllButSample() {
            tokens = TokenManagers.create(settings, metrics);
            for (int i = SAMPLE; i < tokenCount; i++) {
                tokens.issue();
            }
        }

        private void issueSample() {
            for (int i = 0; i < SAMPLE; i++) {
                sample[i] = tokens.issue().token();
            }
        }

        @Setup(Level.Iteration)
        public void bound() {
            if (tokens.size() > tokenCount + REBUILD_ABOVE) {
                shutDown(tokens, metrics);
                metrics = new ServiceMetrics();
                fillAllButSample();
                issueSample();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            shutDown(tokens, metrics);
        }
    }

    /**
     * The footprint of {@link Held}. JMH zeroes counters before each iteration and sums EVENTS over
     * threads, iterations and forks, so each iteration sets its share of the mean when it ends.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class HeldFootprint {
        public double heapBytesPerToken;
        public double platformThreads;
        public double virtualTimerThreads;

        @TearDown(Level.Iteration)
        public void report(Held held, BenchmarkParams params) {
            double share = EventCounters.iterationShare(params);
            heapBytesPerToken = share * held.heapBytesPerToken;
            platformThreads = share * held.platformThreads;
            virtualTimerThreads = share * held.virtualTimerThreads;
        }
    }

    /** {@code tokenCount} tokens that are all due when the shot starts; a fresh manager every iteration. */
    @State(Scope.Benchmark)
    public static class Expiring {
        TokenManager tokens;
        Map<Long, Long> cpuAtFirstExpiry;
        int heldAtFirstExpiry;
        private ServiceMetrics metrics;

        @Setup(Level.Iteration)
        public void fill(TokenManagerBenchmark benchmark) {
            // Longer than issuing takes (a few microseconds a token), so no timer fires before the window opens.
            Duration ttl = Duration.ofMillis(200 + benchmark.tokenCount / 200);
            OffsetClock clock = new OffsetClock();
            metrics = new ServiceMetrics();
            tokens = TokenManagers.create(benchmark.settings(ttl), metrics, clock);
            long firstIssued = System.nanoTime();
            for (int i = 0; i < benchmark.tokenCount; i++) {
                tokens.issue();
            }
            long lastIssued = System.nanoTime();
            if (benchmark.tokens == TokenVariant.PER_TOKEN_TIMER) {
                // Real sleeps: wait for the first timer to come due, then for the last one.
                sleepUntil(firstIssued + ttl.toNanos());
                heldAtFirstExpiry = tokens.size();
                cpuAtFirstExpiry = threadCpu();
                sleepUntil(lastIssued + ttl.toNanos());
            } else {
                // Counted before the jump: Caffeine's size() runs its maintenance, which would expire them all here.
                heldAtFirstExpiry = tokens.size();
                clock.advance(ttl);
                cpuAtFirstExpiry = threadCpu();
            }
        }

        private static void sleepUntil(long nanoTime) {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        }

        @TearDown(Level.Iteration)
        public void close() {
            shutDown(tokens, metrics);
        }
    }

    /** Platform-thread CPU time per token removed by {@link #cleanup}, each iteration setting its share of the mean. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CleanupCost {
        public double cpuNanosPerToken;
        private double share;

        @Setup(Level.Iteration)
        public void start(BenchmarkParams params) {
            share = EventCounters.iterationShare(params);
        }

        void removed(Expiring expiring) {
            long cpu = threadCpuSince(expiring.cpuAtFirstExpiry);
            cpuNanosPerToken = expiring.heldAtFirstExpiry == 0 ? 0 : share * cpu / expiring.heldAtFirstExpiry;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public IssuedToken issue(Held held, HeldFootprint footprint) {
        return held.tokens.issue();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public TokenCheck validate(Held held, HeldFootprint footprint) {
        return held.tokens.validate(held.sample[held.next++ & (SAMPLE - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int cleanup(Expiring expiring, CleanupCost cost) {
        TokenManager tokens = expiring.tokens;
        tokens.removeExpired();
        int held;
        while ((held = tokens.size()) > 0) {
            // Only the before's timers are still at work: leave them the carriers.
            LockSupport.parkNanos(50_000);
        }
        cost.removed(expiring);
        return held;
    }
}
