package dev.perfharness.reports.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Names one metric of a run, the same way in every run, so a run and its baseline line up:
 * {@code jmh cache.CacheAsideBenchmark.hit [cache=NONE, trackerJobs=10000] score} or
 * {@code gatling DashboardPolling [name=pull-active, side=client, variant=after] p99}.
 *
 * @param source   {@code jmh} or {@code gatling}
 * @param subject  the benchmark (relative to {@code dev.perfharness.jmh}) or the scenario
 * @param labels   the JMH parameters, or a Gatling leg's side, name and variant; kept sorted
 * @param quantity {@code score}, {@code gc.alloc.rate.norm}, a percentile such as {@code p99}, a figure
 */
public record MetricKey(String source, String subject, Map<String, String> labels, String quantity) {
    public static final String JMH = "jmh";
    public static final String GATLING = "gatling";

    public MetricKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(quantity, "quantity");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public String label(String name) {
        return labels.get(name);
    }

    /** The same key with one label changed: a variant's counterpart. */
    public MetricKey withLabel(String name, String value) {
        Map<String, String> changed = new TreeMap<>(labels);
        changed.put(name, value);
        return new MetricKey(source, subject, changed, quantity);
    }

    /** True when every given label has the given value here. */
    public boolean hasLabels(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    @Override
    public String toString() {
        String labelText = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return source + " " + subject + (labelText.isEmpty() ? "" : " [" + labelText + "]") + " " + quantity;
    }
}
