package dev.perfharness.jmh.cache;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.CacheVariant;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.jmh.support.BenchmarkBackends;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.jmh.support.RequiresBackend;
import dev.perfharness.sut.api.JobListHandler;
import dev.perfharness.sut.api.JobListJson;
import dev.perfharness.sut.api.JobListings;
import dev.perfharness.sut.cache.CacheKey;
import dev.perfharness.sut.cache.CacheOutcome;
import dev.perfharness.sut.cache.CachedBody;
import dev.perfharness.sut.cache.JobListCache;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.TrackerPrefill;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.redis.RedisConnections;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Seeds 000 and 001: Redis cache-aside in front of {@code GET /api/v1/images/pull-active}, "Hit Latency:
 * &lt;1ms (Redis get)", "Miss Latency: 2-5ms (tracker iteration)" and "50-80% latency reduction with cache".
 * Each call is the handler's own path ({@link JobListHandler#body}): the cache lookup and, on a miss,
 * the tracker listing of {@code tracker.jobs} pre-filled jobs and its serialization, everything but writing
 * the bytes to a connection. The cache, tracker and listing are built as the service builds them, from
 * the service's settings, against the real Redis the suite hands the fork.
 *
 * <ul>
 *   <li>{@code cache=NONE} is the before (every request lists the tracker): it does the same in all three
 *       benchmarks, the baseline for the others.
 *   <li>{@code ASIDE} is seed 001's after as written; {@code ASIDE_SINGLEFLIGHT} adds one listing per
 *       expired key, early refresh and fail-fast on a Redis outage.
 *   <li>{@link #hit}: the key is in Redis (the service's 5 s TTL: a polled key, with the occasional
 *       expiry and refresh a real poller sees). {@link #miss}: a key Redis has never held, so every
 *       request lists and stores. Secondary metric {@code listingsPerRequest}: tracker listings per
 *       request, about 0 for a hit and 1 for a miss.
 *   <li>{@link #stampede}: four threads poll one key whose TTL ({@code stampedeTtlMillis}) runs out every
 *       few dozen milliseconds. Secondary metric {@code listingsPerTtl}: tracker listings per key
 *       lifetime, which is 1 when nothing stampedes and the number of pollers that missed at once when
 *       it does.
 * </ul>
 *
 * <p>Run: {@code bin/harness jmh CacheAsideBenchmark} (it needs Redis).
 */
@RequiresBackend(Backend.REDIS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheAsideBenchmark {
    /** Miss keys are never read again; a short life keeps them from piling up in Redis. */
    private static final Duration MISS_KEY_TTL = Duration.ofMillis(200);
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(5);
    private static final Duration SET_GRACE = Duration.ofMillis(200);

    @Param
    public CacheVariant cache;

    /** The tracker's size ({@code tracker.jobs}, default 10 000): a listing scans them all, serializes the 1 % active. */
    @Param({"10000", "100000"})
    public int trackerJobs;

    /** The service's pieces behind {@code pull-active}, for one set of settings. */
    static final class ListingPath implements AutoCloseable {
        final ServiceMetrics metrics = new ServiceMetrics();
        final JobTracker tracker = new JobTracker(Clock.systemUTC());
        final RedisConnections redis;
        final JobListCache cache;
        final JobListings listings;

        ListingPath(HarnessSettings settings) {
            TrackerPrefill.fill(tracker, settings.jobs().prefill(), settings.jobs().seed());
            redis = new RedisConnections(BenchmarkBackends.redis(), settings.redis());
            cache = JobListCache.create(settings.cache(), redis, metrics, RegressionInjector.of(settings.injection()));
            // One injection per call, the cache's, which hits and misses pass alike; the listing behind it adds none.
            listings = new JobListings(tracker, metrics, settings.cache(), settings.jobs().maxFailedLimit(),
                    new JobListJson(RegressionInjector.NONE));
        }

        /** The service's handler: its fixed key {@code image:pull:active}. */
        JobListHandler activeHandler() {
            return new JobListHandler(cache, listings::active);
        }

        /** Forgets what an earlier fork left under {@code key}, so every run starts from the same Redis. */
        void delete(CacheKey key) {
            redis.next().toCompletableFuture().join().sync().del(key.name());
        }

        /** Asks until the handler answers {@code expected}: the first miss's SET lands in the background. */
        void awaitOutcome(JobListHandler handler, CacheOutcome expected) {
            long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            CacheOutcome outcome;
            do {
                outcome = handler.body(null).outcome();
                if (outcome == expected) {
                    return;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < deadline);
            throw new IllegalStateException("the %s still answers %s, not %s, after %s; is Redis at %s answering?"
                    .formatted(cache.getClass().getSimpleName(), outcome, expected, WARM_UP_LIMIT, redis.address()));
        }

        @Override
        public void close() {
            // The last misses' SETs run in the background; closing under them would log them as Redis failures.
            LockSupport.parkNanos(SET_GRACE.toNanos());
            cache.close();
            redis.close();
            metrics.close();
        }
    }

    /** {@code image:pull:active} with the service's settings: a hit, or a fresh key for a miss. */
    @State(Scope.Benchmark)
    public static class Polled {
        ListingPath path;
        JobListHandler hits;
        JobListHandler misses;
        private String missPrefix;
        private long missCount;

        @Setup(Level.Trial)
        public void start(CacheAsideBenchmark benchmark) {
            path = new ListingPath(BenchmarkSettings.with("cache", label(benchmark.cache),
                    "tracker.jobs", Integer.toString(benchmark.trackerJobs)));
            hits = path.activeHandler();
            // The listing of pull-active under a key no request asked for before: same loader, same cache.
            misses = new JobListHandler(path.cache, request -> freshKey(path.listings.active(request)));
            missPrefix = ":miss-" + Long.toHexString(System.nanoTime()) + "-";
            CacheKey key = path.listings.active(null).key();
            path.delete(key);
            path.awaitOutcome(hits, benchmark.cache == CacheVariant.NONE ? CacheOutcome.NONE : CacheOutcome.HIT);
        }

        private JobListHandler.Listing freshKey(JobListHandler.Listing listing) {
            CacheKey key = listing.key();
            return new FreshListing(new CacheKey(key.family(), key.name() + missPrefix + missCount++, MISS_KEY_TTL),
                    listing.loader());
        }

        @TearDown(Level.Trial)
        public void stop() {
            path.close();
        }
    }

    private record FreshListing(CacheKey key, Supplier<String> loader) implements JobListHandler.Listing {
    }

    /** Four pollers of one key that expires every {@code stampedeTtlMillis}. */
    @State(Scope.Benchmark)
    public static class Stampede {
        @Param({"50"})
        public int stampedeTtlMillis;

        ListingPath path;
        JobListHandler handler;

        @Setup(Level.Trial)
        public void start(CacheAsideBenchmark benchmark) {
            path = new ListingPath(BenchmarkSettings.with("cache", label(benchmark.cache),
                    "tracker.jobs", Integer.toString(benchmark.trackerJobs),
                    "cache.active-ttl", stampedeTtlMillis + "ms"));
            handler = path.activeHandler();
            path.delete(path.listings.active(null).key());
        }

        @TearDown(Level.Trial)
        public void stop() {
            path.close();
        }
    }

    /**
     * Tracker listings per request over an iteration. JMH zeroes counters before each iteration and sums
     * EVENTS over threads, iterations and forks, so each iteration sets its share of the mean when it ends.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class RequestListings {
        public double listingsPerRequest;
        long requests;
        private long scansBefore;
        private double share;
        private JobTracker tracker;

        @Setup(Level.Iteration)
        public void start(Polled polled, BenchmarkParams params) {
            tracker = polled.path.tracker;
            share = EventCounters.iterationShare(params);
            requests = 0;
            scansBefore = tracker.scans();
        }

        @TearDown(Level.Iteration)
        public void end() {
            listingsPerRequest = requests == 0 ? 0 : share * (tracker.scans() - scansBefore) / requests;
        }
    }

    /** Tracker listings per TTL of the key over an iteration, each thread's estimate adding its share of the mean. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ListingsPerTtl {
        public double listingsPerTtl;
        private long scansBefore;
        private long startedNanos;
        private long ttlNanos;
        private double share;
        private JobTracker tracker;

        @Setup(Level.Iteration)
        public void start(Stampede stampede, BenchmarkParams params) {
            tracker = stampede.path.tracker;
            ttlNanos = TimeUnit.MILLISECONDS.toNanos(stampede.stampedeTtlMillis);
            share = EventCounters.iterationShare(params);
            startedNanos = System.nanoTime();
            scansBefore = tracker.scans();
        }

        @TearDown(Level.Iteration)
        public void end() {
            double lifetimes = (double) (System.nanoTime() - startedNanos) / ttlNanos;
            listingsPerTtl = share * (tracker.scans() - scansBefore) / lifetimes;
        }
    }

    @Benchmark
    public CachedBody hit(Polled polled, RequestListings listings) {
        listings.requests++;
        return polled.hits.body(null);
    }

    @Benchmark
    public CachedBody miss(Polled polled, RequestListings listings) {
        listings.requests++;
        return polled.misses.body(null);
    }

    @Benchmark
    @Threads(4)
    public CachedBody stampede(Stampede stampede, ListingsPerTtl listings) {
        return stampede.handler.body(null);
    }
}
