package dev.perfharness.reports.metrics;

/**
 * What a metric measures. It decides which way is better and, through the compare's thresholds, how
 * large a change must be before it matters. {@link #INFORMATIONAL} metrics are shown but never gated:
 * a count of requests or of listings has no better direction of its own.
 */
public enum Kind {
    /** Time per operation (a JMH average-time or single-shot score). */
    TIME(Better.LOWER),
    /** Operations or requests per second, megabytes per second. */
    THROUGHPUT(Better.HIGHER),
    /** Bytes allocated per operation (JMH's {@code gc.alloc.rate.norm}). */
    ALLOCATION(Better.LOWER),
    /** A latency percentile the service measured itself, in microseconds. */
    LATENCY(Better.LOWER),
    /** A latency percentile from Gatling's records: whole milliseconds, recorded as microseconds. */
    CLIENT_LATENCY(Better.LOWER),
    /** A hit ratio, between 0 and 1. */
    RATIO(Better.HIGHER),
    /** Memory held: heap per connection, per subscription, per token; allocation per request. */
    MEMORY(Better.LOWER),
    /** Failed requests, skipped updates, errors: zero is the goal. */
    ERRORS(Better.LOWER),
    /** Connections held: more is better. */
    CAPACITY(Better.HIGHER),
    /** Shown for context, never gated. */
    INFORMATIONAL(Better.NEITHER);

    private final Better better;

    Kind(Better better) {
        this.better = better;
    }

    public Better better() {
        return better;
    }

    public boolean gated() {
        return better != Better.NEITHER;
    }

    /** Which direction of change is an improvement. */
    public enum Better {
        LOWER, HIGHER, NEITHER
    }
}
