package dev.perfharness.config;

import java.time.Duration;

/**
 * The service's Docker API client (seed 003) and its timeouts (seed 002).
 *
 * @param breakerFailures  consecutive failures that open the breaker
 * @param breakerOpenFor   time open before a trial call
 * @param bulkhead         calls in flight at most
 */
public record DockerSettings(
        DockerClientVariant client,
        int maxConnections,
        int maxConnectionsPerHost,
        Duration idleTimeout,
        int breakerFailures,
        Duration breakerOpenFor,
        int bulkhead,
        Timeouts timeouts) {

    public enum DockerClientVariant { PER_CALL, POOLED }

    public enum TimeoutVariant { FIXED, PER_OPERATION }

    /** Seed 002: one fixed timeout (before) or one per kind of operation (after). */
    public record Timeouts(TimeoutVariant variant, Duration fixed, Duration start, Duration stop, Duration pull,
            Duration build, Duration push) {
    }
}
