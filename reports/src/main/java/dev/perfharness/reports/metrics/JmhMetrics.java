package dev.perfharness.reports.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JMH's JSON results as metrics: per benchmark and parameter set, the primary score and every secondary
 * metric that has samples, each with all iterations of all forks ({@code rawData}), which the rank test
 * needs. {@code gc.alloc.rate.norm} (bytes per operation) is gated like the score: it is nearly free of
 * noise and the usual CI benchmark actions drop it.
 */
final class JmhMetrics {
    static final String RESULTS = "jmh/results.json";
    static final String PACKAGE_PREFIX = "dev.perfharness.jmh.";
    static final String BYTES_PER_OP = "gc.alloc.rate.norm";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The benchmarks' own figures with a better direction; the rest are informational. */
    private static final Map<String, Kind> SECONDARY_KINDS = Map.of(
            BYTES_PER_OP, Kind.ALLOCATION,
            "retainedBytesPerSubscription", Kind.MEMORY,
            "heapBytesPerToken", Kind.MEMORY,
            "heldBytes", Kind.MEMORY,
            "hitRatePercent", Kind.RATIO,
            "droppedLines", Kind.ERRORS,
            "cpuNanosPerToken", Kind.TIME);

    private JmhMetrics() {
    }

    static List<Metric> read(Path results) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(results.toFile());
        } catch (IOException e) {
            throw new MetricsException("cannot read JMH results " + results + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new MetricsException("JMH results " + results + " are not a JSON array of benchmark results");
        }
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode result : root) {
            String benchmark = text(result, "benchmark", results);
            String subject = benchmark.startsWith(PACKAGE_PREFIX) ? benchmark.substring(PACKAGE_PREFIX.length()) : benchmark;
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.put(param.getKey(), param.getValue().asText());
            }
            JsonNode primary = result.path("primaryMetric");
            Kind scoreKind = "thrpt".equals(result.path("mode").asText()) ? Kind.THROUGHPUT : Kind.TIME;
            metrics.add(metric(subject, params, "score", scoreKind, primary, results));
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> secondary = it.next();
                String name = secondary.getKey();
                boolean gcNoise = name.startsWith("gc.") && !name.equals(BYTES_PER_OP);
                if (!gcNoise && hasSamples(secondary.getValue())) {
                    metrics.add(metric(subject, params, name, SECONDARY_KINDS.getOrDefault(name, Kind.INFORMATIONAL), secondary.getValue(), results));
                }
            }
        }
        return metrics;
    }

    private static Metric metric(String subject, Map<String, String> params, String quantity, Kind kind, JsonNode node, Path file) {
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            double[] iterations = new double[fork.size()];
            for (int i = 0; i < iterations.length; i++) {
                JsonNode iteration = fork.get(i);
                if (!iteration.isNumber()) {
                    throw new MetricsException("JMH results " + file + ": " + subject + " " + quantity + " has a sample that is no number: " + iteration);
                }
                iterations[i] = iteration.asDouble();
            }
            if (iterations.length > 0) {
                forks.add(iterations);
            }
        }
        if (forks.isEmpty()) {
            // Single-shot modes and some secondary metrics have only the score.
            if (!node.path("score").isNumber()) {
                throw new MetricsException("JMH results " + file + ": " + subject + " " + quantity + " has neither samples nor a score");
            }
            forks.add(new double[] {node.path("score").asDouble()});
        }
        return new Metric(new MetricKey(MetricKey.JMH, subject, params, quantity), kind, node.path("scoreUnit").asText(""),
                Measurement.Samples.ofForks(forks.toArray(double[][]::new)));
    }

    private static boolean hasSamples(JsonNode node) {
        return node.path("rawData").size() > 0 || node.path("score").isNumber();
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MetricsException("JMH results " + file + ": a result without \"" + field + "\"");
        }
        return value.asText();
    }
}
