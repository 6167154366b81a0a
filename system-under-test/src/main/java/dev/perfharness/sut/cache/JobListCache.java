package dev.perfharness.sut.cache;

import dev.perfharness.config.CacheSettings;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.redis.RedisConnections;
import java.util.function.Supplier;

/**
 * The cache in front of the job listings, in the variant chosen at start-up ({@code cache}). Never
 * fails because of Redis: a Redis error or timeout costs at most the read timeout and falls back to
 * the loader. Blocking, like the seed's handler: callers run on virtual threads.
 */
public interface JobListCache extends AutoCloseable {

    /** The body under {@code key}, or {@code loader}'s (stored for the key's TTL) when Redis has none. */
    CachedBody get(CacheKey key, Supplier<String> loader);

    @Override
    default void close() {
    }

    /**
     * The variant {@code cache} names.
     *
     * @param injector the regression to inject per lookup ({@code inject.*}), whichever the variant; {@link
     *                 RegressionInjector#NONE} for none
     */
    static JobListCache create(CacheSettings settings, RedisConnections redis, ServiceMetrics metrics, RegressionInjector injector) {
        CacheMetrics cacheMetrics = new CacheMetrics(metrics.registry());
        RedisCacheStore store = new RedisCacheStore(redis, settings.readTimeout(), settings.writeTimeout());
        OutageWarnings warnings = new OutageWarnings(settings.warnInterval());
        JobListCache cache = switch (settings.variant()) {
            case NONE -> new NoCache();
            case ASIDE -> new CacheAside(store, cacheMetrics, warnings);
            case ASIDE_SINGLEFLIGHT -> new SingleFlightCache(store, cacheMetrics, warnings,
                    new RedisOutageGuard(redis, settings.probeInterval(), settings.readTimeout(), metrics.registry()),
                    settings.earlyRefresh());
        };
        return injector.active() ? new InjectedCache(cache, injector) : cache;
    }
}
