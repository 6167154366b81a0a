package dev.perfharness.sut.cache;

import java.time.Duration;

/**
 * A Redis key and its TTL.
 *
 * @param family  the key's family for metrics ({@code active}, {@code failed}); {@code failed} has a key per limit
 */
public record CacheKey(String family, String name, Duration ttl) {

    /** Seed 001: {@code image:pull:active}, 5 s. */
    public static CacheKey activeJobs(Duration ttl) {
        return new CacheKey("active", "image:pull:active", ttl);
    }

    /** Seed 001: {@code image:pull:failed:{limit}}, 30 s; a key per limit so limits never collide. */
    public static CacheKey failedJobs(int limit, Duration ttl) {
        return new CacheKey("failed", "image:pull:failed:" + limit, ttl);
    }
}
