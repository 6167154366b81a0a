package dev.perfharness.reports.metrics;

import java.util.Objects;

/** One measured quantity of a run: what it is, its unit, and the data behind it. */
public record Metric(MetricKey key, Kind kind, String unit, Measurement measurement) {
    public Metric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(measurement, "measurement");
    }

    public double point() {
        return measurement.point();
    }
}
