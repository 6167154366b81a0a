package dev.perfharness.jmh.watch;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.Variant;
import dev.perfharness.config.WatchSettings;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.jmh.support.RetainedHeap;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullProgress;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.watch.JobUpdate;
import dev.perfharness.sut.watch.JobWatches;
import dev.perfharness.sut.watch.WatchSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Seed 001's multi-job watch ({@code /ws/image-pull-all}): "Memory: ~2KB + 50 bytes per subscription",
 * "&lt;50 bytes memory per WebSocket subscription" and "Event-driven design (minimal polling)". The
 * subscription registry the endpoint uses ({@link JobWatches}, built from {@code ws} through
 * {@link JobWatches#create}) in both variants:
 *
 * <ul>
 *   <li>{@code ws=BEFORE} ({@code PollingWatches}): a virtual thread per watch that reads its job every
 *       {@code ws.poll-interval} (100 ms), as seed 000's goroutine per watch did.
 *   <li>{@code ws=AFTER} ({@code FanOutWatches}): one registry from job to sinks, fed by the tracker's
 *       change events; no thread per watch.
 * </ul>
 *
 * Connections are a cheap {@link WatchSink} that does what the endpoint's sink does with an update,
 * minus the network: it takes the update's JSON envelope (serialized once per update however many sinks
 * get it) and counts it. Each connection watches {@value #JOBS_PER_CONNECTION} jobs ({@code ws.max-subscriptions}),
 * and each job has {@code watchersPerJob} connections watching it.
 *
 * <ul>
 *   <li>{@link #subscribeUnsubscribe}: one more connection subscribes to a job and leaves again, on the
 *       caller's thread; the before's thread start and its first poll run on the virtual-thread carriers.
 *   <li>{@link #fanOut}: one job (in a seeded random order) changes, and the call returns once every
 *       watcher of it has the update: the after delivers on the changing thread, the before when each
 *       loop next polls. The watches were opened spread over a poll interval, as clients come at any
 *       time, so the before's loops poll out of step with each other.
 *   <li>Secondary metric {@code retainedBytesPerSubscription}: heap retained per subscription after full
 *       collections, over {@value #FOOTPRINT_SUBSCRIPTIONS} subscriptions in the same layout (connections
 *       and jobs exist before the baseline, so only the subscriptions count), each watch having delivered
 *       its first snapshot. For the before that includes what each loop's virtual thread keeps: its
 *       stack, its timer, and the JSON writer's buffers, which Jackson keeps per thread (softly
 *       reachable: full collections leave them, memory pressure would not).
 * </ul>
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar JobWatchesBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JobWatchesBenchmark {
    /** Jobs one connection watches: {@code ws.max-subscriptions}' default, and the default tracker's active jobs. */
    private static final int JOBS_PER_CONNECTION = 100;
    private static final int FOOTPRINT_SUBSCRIPTIONS = 20_000;
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(30);
    private static final List<LayerProgress> LAYERS =
            List.of(new LayerProgress("sha256:9f86d081884c7d65", 4_200_000, 31_000_000, "Downloading"));

    @Param
    public Variant ws;

    /** Connections watching each job: how far one change fans out. */
    @Param({"1", "100"})
    public int watchersPerJob;

    private Population watched;
    private CountingSink newcomer;
    private double retainedBytesPerSubscription;
    /** Jobs in a seeded random order: a change arrives at no particular point of the before's poll cycle. */
    private final int[] jobOrder = new SplittableRandom(42).ints(1024, 0, JOBS_PER_CONNECTION).toArray();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        WatchSettings settings = BenchmarkSettings.with("ws", label(ws)).watch();
        // A small first round pays for what any first watch loads (serializers, classes, meters); the second counts.
        retainedPerSubscription(settings, FOOTPRINT_SUBSCRIPTIONS / 10);
        retainedBytesPerSubscription = retainedPerSubscription(settings, FOOTPRINT_SUBSCRIPTIONS);
        watched = new Population(settings, JOBS_PER_CONNECTION, watchersPerJob);
        // Spread over a poll interval, as clients arrive at any time: the before's loops poll out of step.
        watched.subscribeAll(settings.pollInterval());
        newcomer = new CountingSink(new AtomicLong());
    }

    private double retainedPerSubscription(WatchSettings settings, int subscriptions) {
        try (Population footprint = new Population(settings, Math.max(1, subscriptions / watchersPerJob), watchersPerJob)) {
            long before = RetainedHeap.used();
            int made = footprint.subscribeAll(Duration.ZERO);
            long after = RetainedHeap.used();
            return (double) (after - before) / made;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        watched.close();
    }

    /** {@code footprint} only carries the secondary metric. */
    @Benchmark
    public int subscribeUnsubscribe(Footprint footprint) {
        String jobId = watched.jobIds[nextJob()];
        watched.watches.subscribe(jobId, newcomer);
        watched.watches.unsubscribe(jobId, newcomer);
        return watched.watches.active();
    }

    /** {@code footprint} only carries the secondary metric. */
    @Benchmark
    public long fanOut(Footprint footprint) {
        int job = nextJob();
        long target = watched.delivered.get() + watchersPerJob;
        watched.progress[job].layers(LAYERS);
        watched.awaitDelivered(target);
        return target;
    }

    private int nextJob() {
        return jobOrder[next++ & (jobOrder.length - 1)];
    }

    /**
     * Heap per subscription. JMH zeroes counters before each iteration and sums EVENTS over threads,
     * iterations and forks, so each iteration sets its share of the mean when it ends.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public double retainedBytesPerSubscription;

        @TearDown(Level.Iteration)
        public void report(JobWatchesBenchmark benchmark, BenchmarkParams params) {
            retainedBytesPerSubscription = benchmark.retainedBytesPerSubscription * EventCounters.iterationShare(params);
        }
    }

    /** The connection side of a watch: takes the message the endpoint would send, counts it, sends nothing. */
    static final class CountingSink implements WatchSink {
        private final AtomicLong delivered;
        private volatile int lastLength;

        CountingSink(AtomicLong delivered) {
            this.delivered = delivered;
        }

        @Override
        public boolean deliver(JobUpdate update) {
            lastLength = update.envelope().length();
            delivered.incrementAndGet();
            return true;
        }

        @Override
        public boolean ping() {
            return true;
        }
    }

    /**
     * Active jobs in their own tracker, connections, and the registry of one variant. Closing it checks
     * that no watch outlives the registry: the before's loops must all have stopped.
     */
    static final class Population implements AutoCloseable {
        final ServiceMetrics metrics = new ServiceMetrics();
        final JobTracker tracker = new JobTracker(Clock.systemUTC());
        final AtomicLong delivered = new AtomicLong();
        final JobWatches watches;
        final String[] jobIds;
        final PullProgress[] progress;
        private final CountingSink[] sinks;
        private final int watchersPerJob;
        /** How long a live watch may take to notice a change: a poll interval for the before, nothing for the after. */
        private final Duration noticeWithin;

        Population(WatchSettings settings, int jobs, int watchersPerJob) {
            this.watchersPerJob = watchersPerJob;
            this.noticeWithin = settings.variant() == Variant.BEFORE ? settings.pollInterval() : Duration.ZERO;
            watches = JobWatches.create(settings, tracker, metrics);
            jobIds = new String[jobs];
            progress = new PullProgress[jobs];
            for (int i = 0; i < jobs; i++) {
                PullJob job = tracker.create("platform/api-gateway:2.14." + i);
                jobIds[i] = job.id();
                progress[i] = tracker.progressOf(job.id());
                progress[i].layers(LAYERS);
            }
            int connectionGroups = (jobs + JOBS_PER_CONNECTION - 1) / JOBS_PER_CONNECTION;
            sinks = new CountingSink[connectionGroups * watchersPerJob];
            for (int i = 0; i < sinks.length; i++) {
                sinks[i] = new CountingSink(delivered);
            }
        }

        /**
         * Subscribes every job's watchers, evenly spread over {@code spread} with each job's watchers
         * far apart, and waits until each watch has delivered its first snapshot (the before's loops
         * deliver it on their first poll, and keep the phase they started with).
         *
         * @return the subscriptions made
         */
        int subscribeAll(Duration spread) {
            int total = jobIds.length * watchersPerJob;
            long started = System.nanoTime();
            int subscriptions = 0;
            for (int watcher = 0; watcher < watchersPerJob; watcher++) {
                for (int job = 0; job < jobIds.length; job++) {
                    int group = job / JOBS_PER_CONNECTION;
                    watches.subscribe(jobIds[job], sinks[group * watchersPerJob + watcher]);
                    subscriptions++;
                    long due = started + spread.toNanos() * subscriptions / total;
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        LockSupport.parkNanos(early);
                    }
                }
            }
            awaitDelivered(subscriptions);
            return subscriptions;
        }

        /** Waits until the connections have had {@code count} updates in all. */
        void awaitDelivered(long count) {
            long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
            while (delivered.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("%d of %d updates delivered after %s (%s, %d watches)"
                            .formatted(delivered.get(), count, DELIVERY_LIMIT, watches.getClass().getSimpleName(), watches.active()));
                }
                // Parked, not spinning: the before's loops need the carrier threads to deliver.
                LockSupport.parkNanos(10_000);
            }
        }

        /**
         * Closes the registry, then changes every job: a watch still alive after close would deliver that
         * change (the before's loops within a poll interval, the after at once), so silence proves every
         * watch stopped.
         */
        @Override
        public void close() {
            watches.close();
            sleep(noticeWithin);
            long before = delivered.get();
            for (PullProgress job : progress) {
                job.layers(LAYERS);
            }
            sleep(noticeWithin.multipliedBy(3));
            long after = delivered.get();
            metrics.close();
            if (after != before) {
                throw new IllegalStateException("%d watches still delivered after the registry was closed".formatted(after - before));
            }
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking that the watches stopped", e);
            }
        }
    }
}
