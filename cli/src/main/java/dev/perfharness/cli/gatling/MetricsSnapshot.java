package dev.perfharness.cli.gatling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of the service's {@code /metrics} (Prometheus text), as series to values: enough to take
 * the difference of two scrapes around a load run (hits, GC pauses, bytes allocated) and to read
 * gauges (connections, heap, breaker state).
 */
final class MetricsSnapshot {
    private final Map<String, Double> series;

    private MetricsSnapshot(Map<String, Double> series) {
        this.series = series;
    }

    /**
     * Parses the text exposition format: {@code name{label="v",...} value [timestamp]} per line,
     * {@code #} lines are comments.
     *
     * @throws IllegalArgumentException naming the line that is not a sample
     */
    static MetricsSnapshot parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int labelsEnd = trimmed.lastIndexOf('}');
            int valueStart = trimmed.indexOf(' ', labelsEnd < 0 ? 0 : labelsEnd);
            if (valueStart < 0) {
                throw new IllegalArgumentException("not a Prometheus sample: " + line);
            }
            String[] rest = trimmed.substring(valueStart + 1).trim().split("\\s+");
            try {
                series.put(trimmed.substring(0, valueStart), Double.parseDouble(rest[0]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a Prometheus sample value in: " + line, e);
            }
        }
        return new MetricsSnapshot(series);
    }

    /** The sum of every series of {@code name} whose labels satisfy {@code labels}; 0 when none. */
    double sum(String name, Predicate<String> labels) {
        double total = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            int brace = key.indexOf('{');
            String metric = brace < 0 ? key : key.substring(0, brace);
            if (metric.equals(name) && labels.test(brace < 0 ? "" : key.substring(brace))) {
                total += entry.getValue();
            }
        }
        return total;
    }

    double sum(String name) {
        return sum(name, labels -> true);
    }

    boolean has(String name) {
        return series.keySet().stream().anyMatch(key -> key.equals(name) || key.startsWith(name + "{"));
    }

    /** {@code label="value"} appears among a series' labels. */
    static Predicate<String> label(String label, String value) {
        return labels -> labels.contains(label + "=\"" + value + "\"");
    }
}
