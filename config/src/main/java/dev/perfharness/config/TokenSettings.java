package dev.perfharness.config;

import java.time.Duration;

/** The token manager (seed 003) and whether the API asks for tokens. */
public record TokenSettings(
        TokenVariant variant,
        Duration ttl,
        int max,
        Duration cleanupInterval,
        int cleanupBatch,
        boolean bearerRequired) {

    public enum TokenVariant { PER_TOKEN_TIMER, MIN_HEAP, CAFFEINE }
}
