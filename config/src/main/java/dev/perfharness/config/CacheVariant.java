package dev.perfharness.config;

/** How the job-list endpoints use Redis. */
public enum CacheVariant {
    /** Before: every request lists the tracker. */
    NONE,
    /** Seed 001's after: cache-aside with an asynchronous write and a fallback on error. */
    ASIDE,
    /** Cache-aside plus one tracker call per expired key (single-flight), early refresh and fail-fast while Redis is down. */
    ASIDE_SINGLEFLIGHT
}
