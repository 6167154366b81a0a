package dev.perfharness.config;

import java.time.Duration;

/**
 * The job-list cache (seeds 000 and 001).
 *
 * @param earlyRefresh   share of a TTL: a hit with less than this left refreshes the key in the background
 * @param warnInterval   at most one "cache unavailable" warning per interval
 * @param probeInterval  how often a background PING looks for Redis while it is known to be down
 */
public record CacheSettings(
        CacheVariant variant,
        Duration readTimeout,
        Duration writeTimeout,
        Duration activeTtl,
        Duration failedTtl,
        double earlyRefresh,
        Duration warnInterval,
        Duration probeInterval) {
}
