package dev.perfharness.reports.targets;

import dev.perfharness.reports.metrics.MetricKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which metric a target reads, as the targets file names it: for JMH a benchmark (relative to
 * {@code dev.perfharness.jmh}), fixed parameters and a value ({@code score}, {@code gc.alloc.rate.norm}, a
 * secondary metric); for Gatling a scenario, a side (client, server, delivery, outage, figure), a name
 * and a value ({@code p99}, {@code per_second}, {@code value} for a figure).
 */
public record MetricSelector(String source, String subject, Map<String, String> params, String side, String name, String value,
        String variant) {
    public MetricSelector {
        params = Map.copyOf(params);
    }

    public boolean jmh() {
        return source.equals(MetricKey.JMH);
    }

    @Override
    public String toString() {
        if (jmh()) {
            return "jmh " + subject + (params.isEmpty() ? "" : " " + new TreeMap<>(params)) + " " + value;
        }
        return "gatling " + subject + " " + side + (name == null ? "" : " " + name) + " " + value;
    }
}
