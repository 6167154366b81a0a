package dev.perfharness.config;

import java.time.Duration;

/** Container output lines: how they are prefixed and how they are aggregated (seed 002). */
public record OutputSettings(
        LogFormat format,
        AggregatorVariant aggregator,
        int batch,
        Duration interval,
        int capacity,
        WhenFull whenFull) {

    public enum LogFormat { CONCAT, BUILDER, POOLED }

    public enum AggregatorVariant { SYNC, ASYNC }

    public enum WhenFull { BLOCK, COUNT_DROPS }
}
