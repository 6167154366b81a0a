package dev.perfharness.reports.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric a run directory (or a baseline, which has the same layout) holds: JMH's
 * {@code jmh/results.json} and each Gatling leg under {@code gatling/<scenario>/<variant>/}. A file
 * that is there but cannot be read is an error naming it, never a silently smaller set of metrics.
 */
public final class RunMetrics {
    private final Path directory;
    private final Map<MetricKey, Metric> metrics;

    private RunMetrics(Path directory, Map<MetricKey, Metric> metrics) {
        this.directory = directory;
        this.metrics = metrics;
    }

    public static RunMetrics read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new MetricsException("no run directory at " + directory);
        }
        Map<MetricKey, Metric> metrics = new LinkedHashMap<>();
        Path jmh = directory.resolve(JmhMetrics.RESULTS);
        if (Files.exists(jmh)) {
            JmhMetrics.read(jmh).forEach(metric -> metrics.put(metric.key(), metric));
        }
        Path gatling = directory.resolve(GatlingMetrics.FOLDER);
        if (Files.isDirectory(gatling)) {
            GatlingMetrics.read(gatling).forEach(metric -> metrics.put(metric.key(), metric));
        }
        return new RunMetrics(directory, metrics);
    }

    public static RunMetrics of(Path directory, List<Metric> metrics) {
        Map<MetricKey, Metric> byKey = new LinkedHashMap<>();
        metrics.forEach(metric -> byKey.put(metric.key(), metric));
        return new RunMetrics(directory, byKey);
    }

    public Path directory() {
        return directory;
    }

    public Optional<Metric> get(MetricKey key) {
        return Optional.ofNullable(metrics.get(key));
    }

    public Collection<Metric> all() {
        return metrics.values();
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }
}
