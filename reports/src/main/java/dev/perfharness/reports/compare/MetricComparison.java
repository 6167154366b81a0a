package dev.perfharness.reports.compare;

import dev.perfharness.reports.metrics.Kind;
import dev.perfharness.reports.metrics.MetricKey;
import dev.perfharness.reports.stats.Change;

/** One metric present in both runs: its change and the verdict on it. */
public record MetricComparison(MetricKey key, Kind kind, String unit, Change change, Threshold threshold, Verdict verdict) {
}
