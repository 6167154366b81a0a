package dev.perfharness.sut.cache;

import dev.perfharness.sut.inject.RegressionInjector;
import java.util.function.Supplier;

/** The injected regression once per lookup, in front of whichever variant the settings chose. */
record InjectedCache(JobListCache cache, RegressionInjector injector) implements JobListCache {

    @Override
    public CachedBody get(CacheKey key, Supplier<String> loader) {
        injector.perOperation();
        return cache.get(key, loader);
    }

    @Override
    public void close() {
        cache.close();
    }
}
