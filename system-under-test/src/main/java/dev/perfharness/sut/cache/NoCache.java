package dev.perfharness.sut.cache;

import java.util.function.Supplier;

/** The before variant: every request lists the tracker. */
final class NoCache implements JobListCache {
    @Override
    public CachedBody get(CacheKey key, Supplier<String> loader) {
        return new CachedBody(loader.get(), CacheOutcome.NONE);
    }
}
