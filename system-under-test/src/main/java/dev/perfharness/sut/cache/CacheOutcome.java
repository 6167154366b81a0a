package dev.perfharness.sut.cache;

import java.util.Locale;

/** How a response body was obtained; sent as the {@code X-Cache} header, never in the body. */
public enum CacheOutcome {
    /** Found in Redis. */
    HIT,
    /** Not in Redis: listed from the tracker (and stored). */
    MISS,
    /** Redis failed or timed out: listed from the tracker. */
    FALLBACK,
    /** Redis known to be down: listed from the tracker without asking Redis. */
    BYPASS,
    /** The variant without a cache. */
    NONE;

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
