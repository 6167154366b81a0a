package dev.perfharness.sut.cache;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Seed 001's after, as written: GET (1 s deadline); on a hit, the cached body; on a miss, list the
 * tracker and SET in the background (2 s deadline); on any Redis error, list the tracker.
 *
 * <p>Faithful in its weak spots too, so the harness measures them: every request asks Redis even while
 * Redis is hung (each waits out the read deadline), and an expired key under N concurrent pollers costs
 * N tracker listings (a stampede). {@link SingleFlightCache} is the variant without them.
 */
final class CacheAside implements JobListCache {
    private final RedisCacheStore store;
    private final CacheMetrics metrics;
    private final OutageWarnings warnings;

    CacheAside(RedisCacheStore store, CacheMetrics metrics, OutageWarnings warnings) {
        this.store = store;
        this.metrics = metrics;
        this.warnings = warnings;
    }

    @Override
    public CachedBody get(CacheKey key, Supplier<String> loader) {
        Optional<String> cached;
        try {
            cached = store.get(key.name());
        } catch (CacheUnavailable e) {
            metrics.error(key, "get");
            warnings.failed("get", key, e);
            return new CachedBody(loader.get(), CacheOutcome.FALLBACK);
        }
        if (cached.isPresent()) {
            metrics.hit(key);
            return new CachedBody(cached.get(), CacheOutcome.HIT);
        }
        metrics.miss(key);
        String body = loader.get();
        store.set(key.name(), body, key.ttl()).whenComplete((ok, failure) -> {
            if (failure != null) {
                metrics.error(key, "set");
                warnings.failed("set", key, failure);
            }
        });
        return new CachedBody(body, CacheOutcome.MISS);
    }
}
