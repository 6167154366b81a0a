package dev.perfharness.reports.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Gatling legs of a run as metrics. Latency percentiles and rates come from the interval logs
 * (client, server and delivery side), so the bootstrap can resample their one-second intervals; the
 * figures a leg measured once (hit ratio, heap per connection, outage windows, stream rates) come from
 * its {@code summary.json}. Repeats of a leg ({@code repeat-N/}) pool their intervals and average their
 * figures.
 */
final class GatlingMetrics {
    static final String FOLDER = "gatling";
    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "max");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIT = Pattern.compile(".*\\(([^)]+)\\)\\s*$");
    private static final Map<String, String> SIDE_LOGS = new LinkedHashMap<>();

    static {
        SIDE_LOGS.put("client", "client.hlog");
        SIDE_LOGS.put("server", "server.hlog");
        SIDE_LOGS.put("delivery", "delivery.hlog");
    }

    private GatlingMetrics() {
    }

    static List<Metric> read(Path gatling) throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (Path scenario : children(gatling)) {
            for (Path variant : children(scenario)) {
                List<Path> legs = legs(variant);
                if (!legs.isEmpty()) {
                    metrics.addAll(leg(scenario.getFileName().toString(), variant.getFileName().toString(), legs));
                }
            }
        }
        return metrics;
    }

    /** The variant folder itself when it holds a leg, else its {@code repeat-N} folders. */
    private static List<Path> legs(Path variant) throws IOException {
        if (Files.isRegularFile(variant.resolve("summary.json"))) {
            return List.of(variant);
        }
        return children(variant).stream().filter(child -> child.getFileName().toString().startsWith("repeat-"))
                .filter(child -> Files.isRegularFile(child.resolve("summary.json"))).toList();
    }

    private static List<Metric> leg(String scenario, String variant, List<Path> legs) throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (Map.Entry<String, String> side : SIDE_LOGS.entrySet()) {
            Map<String, List<IntervalCounts>> pooled = new LinkedHashMap<>();
            for (Path leg : legs) {
                Path log = leg.resolve(side.getValue());
                if (Files.isRegularFile(log)) {
                    IntervalLogs.read(log).forEach((name, intervals) -> pooled.computeIfAbsent(name, key -> new ArrayList<>()).addAll(intervals));
                }
            }
            pooled.forEach((name, intervals) -> metrics.addAll(latencies(scenario, variant, side.getKey(), name, intervals)));
        }
        List<JsonNode> summaries = new ArrayList<>();
        for (Path leg : legs) {
            summaries.add(summary(leg.resolve("summary.json")));
        }
        Map<Figure, List<Double>> figures = new LinkedHashMap<>();
        for (JsonNode summary : summaries) {
            figures(summary, (name, value) -> figures.computeIfAbsent(name, key -> new ArrayList<>()).add(value));
        }
        figures.forEach((figure, values) -> metrics.add(figure(scenario, variant, figure, values)));
        return metrics;
    }

    private static List<Metric> latencies(String scenario, String variant, String side, String name, List<IntervalCounts> intervals) {
        if (intervals.stream().allMatch(interval -> interval.total() == 0)) {
            return List.of();
        }
        Map<String, String> labels = labels(variant, side, side.equals("delivery") || name.isEmpty() ? null : name);
        Kind latency = side.equals("client") ? Kind.CLIENT_LATENCY : Kind.LATENCY;
        List<Metric> metrics = new ArrayList<>();
        for (String percentile : PERCENTILES) {
            double percent = percentile.equals("max") ? 100 : Double.parseDouble(percentile.substring(1));
            metrics.add(new Metric(new MetricKey(MetricKey.GATLING, scenario, labels, percentile),
                    percentile.equals("max") ? Kind.INFORMATIONAL : latency, "us",
                    new Measurement.Intervals(intervals, new IntervalStatistic.Percentile(percent))));
        }
        metrics.add(new Metric(new MetricKey(MetricKey.GATLING, scenario, labels, "per_second"),
                side.equals("delivery") ? Kind.INFORMATIONAL : Kind.THROUGHPUT, side.equals("delivery") ? "updates/s" : "req/s",
                new Measurement.Intervals(intervals, new IntervalStatistic.Rate())));
        return metrics;
    }

    /** A figure a leg measured once: {@code figure/heap per connection (B)/value}, {@code outage/during outage/p99}. */
    private record Figure(String side, String name, String quantity) {
    }

    private static void figures(JsonNode summary, BiConsumer<Figure, Double> sink) {
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("figures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> figure = it.next();
            if (figure.getValue().isNumber()) {
                sink.accept(new Figure("figure", figure.getKey(), "value"), figure.getValue().asDouble());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("client").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> request = it.next();
            sink.accept(new Figure("client", request.getKey(), "failed"), request.getValue().path("failed").asDouble());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("outage_windows").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> window = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> values = window.getValue().fields(); values.hasNext(); ) {
                Map.Entry<String, JsonNode> value = values.next();
                sink.accept(new Figure("outage", window.getKey(), outageQuantity(value.getKey())), value.getValue().asDouble());
            }
        }
        JsonNode streams = summary.path("simulation").path("streams");
        if (streams.has("mb_per_second_all_streams")) {
            sink.accept(new Figure("figure", "MB/s all streams", "value"), streams.path("mb_per_second_all_streams").asDouble());
            double lowest = Double.MAX_VALUE;
            for (JsonNode stream : streams.path("per_stream")) {
                lowest = Math.min(lowest, stream.path("mb_per_second").asDouble());
            }
            if (lowest != Double.MAX_VALUE) {
                sink.accept(new Figure("figure", "MB/s per stream (lowest)", "value"), lowest);
            }
        }
        JsonNode watch = summary.path("simulation").path("watch");
        if (watch.has("skipped_versions")) {
            sink.accept(new Figure("figure", "skipped versions", "value"), watch.path("skipped_versions").asDouble());
        }
    }

    /** {@code p99_9_us} becomes {@code p99.9}, as the interval metrics are named. */
    private static String outageQuantity(String field) {
        return field.endsWith("_us") ? field.substring(0, field.length() - 3).replace('_', '.') : field;
    }

    private static Metric figure(String scenario, String variant, Figure figure, List<Double> values) {
        String side = figure.side();
        String name = figure.name();
        String quantity = figure.quantity();
        boolean summed = quantity.equals("failed") || quantity.equals("count");
        double value = values.stream().mapToDouble(Double::doubleValue).sum() / (summed ? 1 : values.size());
        Kind kind = side.equals("figure") ? figureKind(name) : outageKind(quantity);
        String unit = side.equals("figure") ? figureUnit(name) : percentile(quantity) || quantity.equals("max") ? "us"
                : quantity.equals("per_second") ? "req/s" : "requests";
        return new Metric(new MetricKey(MetricKey.GATLING, scenario, labels(variant, side, name), quantity), kind, unit,
                new Measurement.Single(value));
    }

    static Kind figureKind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("hit ratio")) {
            return Kind.RATIO;
        }
        if (lower.contains("connections held")) {
            return Kind.CAPACITY;
        }
        if (lower.contains("mb/s")) {
            return Kind.THROUGHPUT;
        }
        if (lower.contains("skipped versions")) {
            return Kind.ERRORS;
        }
        if (lower.contains("per connection") || lower.contains("rss") || lower.contains("per client request")) {
            return Kind.MEMORY;
        }
        // Totals that grow with the run's length, and outage effects the scenario causes on purpose.
        return Kind.INFORMATIONAL;
    }

    private static Kind outageKind(String quantity) {
        if (quantity.equals("failed")) {
            return Kind.ERRORS;
        }
        if (quantity.equals("per_second")) {
            return Kind.THROUGHPUT;
        }
        return percentile(quantity) ? Kind.CLIENT_LATENCY : Kind.INFORMATIONAL;
    }

    /** {@code p50}, {@code p99.9}; not {@code per_second}. */
    private static boolean percentile(String quantity) {
        return quantity.matches("p[0-9.]+");
    }

    private static String figureUnit(String name) {
        if (name.contains("MB/s")) {
            return "MB/s";
        }
        if (name.contains("ratio")) {
            // "cache hit ratio (active)": the parenthesis names the cache, not a unit.
            return "ratio";
        }
        if (name.contains("connections held")) {
            return "connections";
        }
        Matcher matcher = UNIT.matcher(name);
        if (matcher.matches()) {
            return matcher.group(1);
        }
        return "count";
    }

    private static Map<String, String> labels(String variant, String side, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("variant", variant);
        labels.put("side", side);
        if (name != null) {
            labels.put("name", name);
        }
        return labels;
    }

    private static JsonNode summary(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new MetricsException("cannot read the Gatling leg's summary " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }
}
