package dev.perfharness.sut.cache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cache-aside without the seed's two weak spots.
 *
 * <ul>
 *   <li><b>Single-flight.</b> Concurrent misses of one key share one tracker listing. The listing stays
 *       shared until its SET has landed, and a new leader asks Redis once more before listing, so a
 *       request that missed just before the SET landed does not list again: an expired key under 100
 *       pollers costs one listing, not 100.
 *   <li><b>Early refresh.</b> GET and PTTL travel together; a hit with less than {@code earlyRefresh} of
 *       its TTL left starts one background refresh and is served at once, so a polled key is renewed
 *       before it expires and pollers never see the miss.
 *   <li><b>Fail-fast outage.</b> Once Redis fails often enough, a circuit breaker ({@link RedisOutageGuard})
 *       opens and requests stop asking Redis: they list the tracker (still single-flight) straight away,
 *       while a background PING watches for Redis to return.
 * </ul>
 */
final class SingleFlightCache implements JobListCache {
    private final RedisCacheStore store;
    private final CacheMetrics metrics;
    private final OutageWarnings warnings;
    private final RedisOutageGuard guard;
    private final double earlyRefresh;
    private final ConcurrentHashMap<String, CompletableFuture<String>> flights = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SingleFlightCache(RedisCacheStore store, CacheMetrics metrics, OutageWarnings warnings, RedisOutageGuard guard,
            double earlyRefresh) {
        this.store = store;
        this.metrics = metrics;
        this.warnings = warnings;
        this.guard = guard;
        this.earlyRefresh = earlyRefresh;
    }

    @Override
    public CachedBody get(CacheKey key, Supplier<String> loader) {
        if (!guard.redisUsable()) {
            metrics.bypassed(key);
            return new CachedBody(load(key, loader, Load.WITHOUT_REDIS), CacheOutcome.BYPASS);
        }
        long started = System.nanoTime();
        RedisCacheStore.Entry entry;
        try {
            entry = store.getWithTtl(key.name());
        } catch (CacheUnavailable e) {
            guard.failed(System.nanoTime() - started, e);
            metrics.error(key, "get");
            warnings.failed("get", key, e);
            return new CachedBody(load(key, loader, Load.WITHOUT_REDIS), CacheOutcome.FALLBACK);
        }
        guard.succeeded(System.nanoTime() - started);
        if (entry.value().isPresent()) {
            metrics.hit(key);
            if (entry.remainingMillis() >= 0 && entry.remainingMillis() < key.ttl().toMillis() * earlyRefresh) {
                refreshInBackground(key, loader);
            }
            return new CachedBody(entry.value().get(), CacheOutcome.HIT);
        }
        metrics.miss(key);
        return new CachedBody(load(key, loader, Load.AFTER_MISS), CacheOutcome.MISS);
    }

    /** Why a listing is made, which decides whether Redis is asked again first and whether the result is stored. */
    private enum Load {
        /** Redis failed or is known to be down: list, store nothing. */
        WITHOUT_REDIS,
        /** Redis had no value: ask once more as the leader, else list and store. */
        AFTER_MISS,
        /** The value is about to expire: list and store, whatever Redis holds. */
        REFRESH
    }

    /** Lists once for every concurrent caller of the key. */
    private String load(CacheKey key, Supplier<String> loader, Load why) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> leader = flights.putIfAbsent(key.name(), mine);
        if (leader != null) {
            metrics.coalesced(key);
            try {
                return leader.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        String body;
        try {
            Optional<String> stored = why == Load.AFTER_MISS ? storedMeanwhile(key) : Optional.empty();
            body = stored.isPresent() ? stored.get() : loader.get();
            mine.complete(body);
            if (stored.isEmpty() && why != Load.WITHOUT_REDIS && guard.redisUsable()) {
                store.set(key.name(), body, key.ttl()).whenComplete((ok, failure) -> {
                    flights.remove(key.name(), mine);
                    if (failure != null) {
                        guard.failed(0, failure);
                        metrics.error(key, "set");
                        warnings.failed("set", key, failure);
                    }
                });
            } else {
                flights.remove(key.name(), mine);
            }
        } catch (Throwable failure) {
            // Whatever went wrong, the flight ends: no later caller may wait on it for ever.
            flights.remove(key.name(), mine);
            mine.completeExceptionally(failure);
            throw failure;
        }
        return body;
    }

    /**
     * A request that missed may reach here just after the previous leader's SET landed and its flight
     * ended; asking Redis once more, as the new leader, keeps that request from listing again.
     */
    private Optional<String> storedMeanwhile(CacheKey key) {
        try {
            return store.get(key.name());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void refreshInBackground(CacheKey key, Supplier<String> loader) {
        if (closed || flights.containsKey(key.name())) {
            return;
        }
        metrics.refreshed(key);
        Thread.ofVirtual().name("cache-refresh").start(() -> {
            try {
                load(key, loader, Load.REFRESH);
            } catch (RuntimeException e) {
                warnings.failed("refresh", key, e);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        guard.close();
    }
}
