package dev.perfharness.sut.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cache counters per key family, as seed 001's monitoring asks: {@code cache_hits_total},
 * {@code cache_misses_total}, {@code cache_hit_ratio} = hits / (hits + misses), plus what the seed
 * lacks: errors per operation, requests that bypassed a Redis known to be down, coalesced requests and
 * early refreshes.
 */
final class CacheMetrics {
    private final MeterRegistry registry;
    private final Map<String, Family> families = new ConcurrentHashMap<>();

    CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void hit(CacheKey key) {
        family(key).hits.increment();
    }

    void miss(CacheKey key) {
        family(key).misses.increment();
    }

    void bypassed(CacheKey key) {
        family(key).bypassed.increment();
    }

    void coalesced(CacheKey key) {
        family(key).coalesced.increment();
    }

    void refreshed(CacheKey key) {
        family(key).refreshes.increment();
    }

    void error(CacheKey key, String operation) {
        Counter.builder("cache.errors").description("Redis errors and timeouts of the cache")
                .tag("family", key.family()).tag("operation", operation).register(registry).increment();
    }

    private Family family(CacheKey key) {
        return families.computeIfAbsent(key.family(), name -> new Family(registry, name));
    }

    private static final class Family {
        final Counter hits;
        final Counter misses;
        final Counter bypassed;
        final Counter coalesced;
        final Counter refreshes;

        Family(MeterRegistry registry, String family) {
            hits = counter(registry, "cache.hits", family, "requests answered from Redis");
            misses = counter(registry, "cache.misses", family, "requests Redis had no value for");
            bypassed = counter(registry, "cache.bypassed", family, "requests that skipped a Redis known to be down");
            coalesced = counter(registry, "cache.coalesced", family, "requests that waited for another request's listing");
            refreshes = counter(registry, "cache.refreshes", family, "early background refreshes of a key near expiry");
            Gauge.builder("cache.hit.ratio", this, f -> {
                double lookups = f.hits.count() + f.misses.count();
                return lookups == 0 ? 0 : f.hits.count() / lookups;
            }).description("hits / (hits + misses)").tag("family", family).register(registry);
        }

        private static Counter counter(MeterRegistry registry, String name, String family, String description) {
            return Counter.builder(name).description(description).tag("family", family).register(registry);
        }
    }
}
