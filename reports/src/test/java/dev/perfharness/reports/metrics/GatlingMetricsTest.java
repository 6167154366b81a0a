package dev.perfharness.reports.metrics;

import static dev.perfharness.reports.TestRuns.JSON;
import static dev.perfharness.reports.TestRuns.added;
import static dev.perfharness.reports.TestRuns.latencySeries;
import static dev.perfharness.reports.TestRuns.summary;
import static dev.perfharness.reports.TestRuns.writeHlog;
import static dev.perfharness.reports.TestRuns.writeSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingMetricsTest {
    @TempDir
    Path run;

    @Test
    void clientPercentilesAndRatesComeFromTheIntervalLog() throws Exception {
        List<Histogram> all = latencySeries(null, 20, 50, 2000, 1);
        List<Histogram> active = latencySeries("pull-active", 20, 40, 1500, 2);
        List<Histogram> intervals = new ArrayList<>(all);
        intervals.addAll(active);
        Path leg = run.resolve("gatling/DashboardPolling/after");
        writeHlog(leg.resolve("client.hlog"), Map.of("pull-active", "pull-active"), intervals);
        writeSummary(leg, summary("DashboardPolling", "after", Map.of()));

        RunMetrics metrics = RunMetrics.read(run);

        Histogram activeTotal = added(active);
        for (String percentile : List.of("p50", "p90", "p99", "p99.9")) {
            Metric metric = metrics.get(key("DashboardPolling", "after", "client", "pull-active", percentile)).orElseThrow();
            assertThat(metric.point()).as(percentile).isEqualTo(activeTotal.getValueAtPercentile(Double.parseDouble(percentile.substring(1))));
            assertThat(metric.kind()).isEqualTo(Kind.CLIENT_LATENCY);
            assertThat(metric.unit()).isEqualTo("us");
        }
        Metric max = metrics.get(key("DashboardPolling", "after", "client", "pull-active", "max")).orElseThrow();
        assertThat(max.point()).isEqualTo(activeTotal.getMaxValue());
        assertThat(max.kind()).isEqualTo(Kind.INFORMATIONAL);
        Metric rate = metrics.get(key("DashboardPolling", "after", "client", "pull-active", "per_second")).orElseThrow();
        assertThat(rate.point()).isCloseTo(40.0, within(1e-9));
        assertThat(rate.kind()).isEqualTo(Kind.THROUGHPUT);
        assertThat(rate.unit()).isEqualTo("req/s");
        // Untagged intervals are all requests: no name label.
        assertThat(metrics.get(key("DashboardPolling", "after", "client", null, "p99")).orElseThrow().point())
                .isEqualTo(added(all).getValueAtPercentile(99));
    }

    @Test
    void serverAndDeliveryLogsAreLatenciesOfTheirOwnSide() throws Exception {
        Path leg = run.resolve("gatling/MultiJobWatch/after");
        List<Histogram> server = latencySeries("/api/v1/images/pull", 5, 30, 400, 3);
        List<Histogram> delivery = latencySeries("delivery", 10, 60, 80, 4);
        writeHlog(leg.resolve("server.hlog"), Map.of(), server);
        writeHlog(leg.resolve("delivery.hlog"), Map.of(), delivery);
        writeSummary(leg, summary("MultiJobWatch", "after", Map.of()));

        RunMetrics metrics = RunMetrics.read(run);

        Metric serverP50 = metrics.get(key("MultiJobWatch", "after", "server", "/api/v1/images/pull", "p50")).orElseThrow();
        assertThat(serverP50.point()).isEqualTo(added(server).getValueAtPercentile(50));
        assertThat(serverP50.kind()).isEqualTo(Kind.LATENCY);
        Metric deliveryP99 = metrics.get(key("MultiJobWatch", "after", "delivery", null, "p99")).orElseThrow();
        assertThat(deliveryP99.point()).isEqualTo(added(delivery).getValueAtPercentile(99));
        assertThat(deliveryP99.kind()).isEqualTo(Kind.LATENCY);
        Metric updates = metrics.get(key("MultiJobWatch", "after", "delivery", null, "per_second")).orElseThrow();
        assertThat(updates.point()).isCloseTo(60.0, within(1e-9));
        assertThat(updates.unit()).isEqualTo("updates/s");
        assertThat(updates.kind()).isEqualTo(Kind.INFORMATIONAL);
    }

    @Test
    void figuresHaveTheKindAndUnitTheirNamesSay() throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("cache hit ratio (active)", 0.95);
        figures.put("heap per connection (B)", 2000.0);
        figures.put("connections held", 1000.0);
        figures.put("allocated per client request (KB)", 120.0);
        figures.put("GC pause total (ms)", 14.0);
        figures.put("GC pauses", 6.0);
        writeSummary(run.resolve("gatling/ConnectionScale/after"), summary("ConnectionScale", "after", figures));

        RunMetrics metrics = RunMetrics.read(run);

        assertFigure(metrics, "cache hit ratio (active)", Kind.RATIO, "ratio", 0.95);
        assertFigure(metrics, "heap per connection (B)", Kind.MEMORY, "B", 2000);
        assertFigure(metrics, "connections held", Kind.CAPACITY, "connections", 1000);
        assertFigure(metrics, "allocated per client request (KB)", Kind.MEMORY, "KB", 120);
        assertFigure(metrics, "GC pause total (ms)", Kind.INFORMATIONAL, "ms", 14);
        assertFigure(metrics, "GC pauses", Kind.INFORMATIONAL, "count", 6);
    }

    @Test
    void outageWindowsAreFiguresNamedLikeTheIntervalMetrics() throws Exception {
        ObjectNode summary = summary("CacheOutage", "after", Map.of());
        ObjectNode during = summary.putObject("outage_windows").putObject("during outage");
        during.put("count", 1666).put("failed", 2).put("per_second", 249.7).put("p50_us", 0).put("p99_us", 5003)
                .put("p99_9_us", 11007).put("max_us", 14007);
        writeSummary(run.resolve("gatling/CacheOutage/after"), summary);

        RunMetrics metrics = RunMetrics.read(run);

        assertOutage(metrics, "p99", Kind.CLIENT_LATENCY, "us", 5003);
        assertOutage(metrics, "p99.9", Kind.CLIENT_LATENCY, "us", 11007);
        assertOutage(metrics, "max", Kind.INFORMATIONAL, "us", 14007);
        assertOutage(metrics, "failed", Kind.ERRORS, "requests", 2);
        assertOutage(metrics, "count", Kind.INFORMATIONAL, "requests", 1666);
        assertOutage(metrics, "per_second", Kind.THROUGHPUT, "req/s", 249.7);
    }

    @Test
    void streamAndWatchFiguresAndFailedRequestsAreRead() throws Exception {
        ObjectNode summary = summary("PodLogStreaming", "after", Map.of());
        ObjectNode streams = ((ObjectNode) summary.get("simulation")).putObject("streams");
        streams.put("mb_per_second_all_streams", 37.8);
        streams.putArray("per_stream").add(JSON.createObjectNode().put("stream", "pod-1").put("mb_per_second", 8.3))
                .add(JSON.createObjectNode().put("stream", "pod-2").put("mb_per_second", 8.1));
        ((ObjectNode) summary.get("simulation")).putObject("watch").put("skipped_versions", 3);
        summary.putObject("client").putObject("log-stream").put("count", 5).put("failed", 1);
        writeSummary(run.resolve("gatling/PodLogStreaming/after"), summary);

        RunMetrics metrics = RunMetrics.read(run);

        assertThat(figure(metrics, "PodLogStreaming", "MB/s all streams").point()).isEqualTo(37.8);
        Metric lowest = figure(metrics, "PodLogStreaming", "MB/s per stream (lowest)");
        assertThat(lowest.point()).isEqualTo(8.1);
        assertThat(lowest.kind()).isEqualTo(Kind.THROUGHPUT);
        assertThat(lowest.unit()).isEqualTo("MB/s");
        assertThat(figure(metrics, "PodLogStreaming", "skipped versions").kind()).isEqualTo(Kind.ERRORS);
        Metric failed = metrics.get(key("PodLogStreaming", "after", "client", "log-stream", "failed")).orElseThrow();
        assertThat(failed.point()).isEqualTo(1);
        assertThat(failed.kind()).isEqualTo(Kind.ERRORS);
    }

    @Test
    void repeatsPoolTheirIntervalsAverageTheirFiguresAndAddTheirFailures() throws Exception {
        Path variant = run.resolve("gatling/PullActiveOpenModel/after");
        List<Histogram> first = latencySeries(null, 10, 30, 1000, 5);
        List<Histogram> second = latencySeries(null, 10, 30, 3000, 6);
        writeHlog(variant.resolve("repeat-1/client.hlog"), Map.of(), first);
        writeHlog(variant.resolve("repeat-2/client.hlog"), Map.of(), second);
        ObjectNode one = summary("PullActiveOpenModel", "after", Map.of("cache hit ratio (active)", 0.9));
        one.putObject("client").putObject("pull-active").put("failed", 1);
        ObjectNode two = summary("PullActiveOpenModel", "after", Map.of("cache hit ratio (active)", 0.8));
        two.putObject("client").putObject("pull-active").put("failed", 2);
        writeSummary(variant.resolve("repeat-1"), one);
        writeSummary(variant.resolve("repeat-2"), two);

        RunMetrics metrics = RunMetrics.read(run);

        List<Histogram> both = new ArrayList<>(first);
        both.addAll(second);
        Metric p90 = metrics.get(key("PullActiveOpenModel", "after", "client", null, "p90")).orElseThrow();
        assertThat(p90.point()).isEqualTo(added(both).getValueAtPercentile(90));
        assertThat(((Measurement.Intervals) p90.measurement()).intervals()).hasSize(20);
        assertThat(figure(metrics, "PullActiveOpenModel", "cache hit ratio (active)").point()).isCloseTo(0.85, within(1e-12));
        assertThat(metrics.get(key("PullActiveOpenModel", "after", "client", "pull-active", "failed")).orElseThrow().point()).isEqualTo(3);
    }

    @Test
    void aDamagedSummaryIsAnErrorNamingIt() throws Exception {
        Path file = run.resolve("gatling/DashboardPolling/after/summary.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"figures\": {");

        assertThatThrownBy(() -> RunMetrics.read(run))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aDamagedIntervalLogIsAnErrorNamingIt() throws Exception {
        Path leg = run.resolve("gatling/DashboardPolling/before");
        Path log = writeHlog(leg.resolve("client.hlog"), Map.of(), latencySeries(null, 3, 5, 1000, 7));
        writeSummary(leg, summary("DashboardPolling", "before", Map.of()));
        Files.writeString(log, Files.readString(log).replace("HISTF", "HIST!"));

        assertThatThrownBy(() -> RunMetrics.read(run))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(log.toString());
    }

    private static void assertFigure(RunMetrics metrics, String name, Kind kind, String unit, double value) {
        Metric metric = figure(metrics, "ConnectionScale", name);
        assertMetric(metric, kind, unit, value);
        assertThat(metric.measurement()).isInstanceOf(Measurement.Single.class);
    }

    private static void assertOutage(RunMetrics metrics, String quantity, Kind kind, String unit, double value) {
        assertMetric(metrics.get(key("CacheOutage", "after", "outage", "during outage", quantity)).orElseThrow(), kind, unit, value);
    }

    private static void assertMetric(Metric metric, Kind kind, String unit, double value) {
        assertThat(metric.kind()).as("%s", metric.key()).isEqualTo(kind);
        assertThat(metric.unit()).as("%s", metric.key()).isEqualTo(unit);
        assertThat(metric.point()).as("%s", metric.key()).isEqualTo(value);
    }

    private static Metric figure(RunMetrics metrics, String scenario, String name) {
        return metrics.get(key(scenario, "after", "figure", name, "value")).orElseThrow();
    }

    private static MetricKey key(String scenario, String variant, String side, String name, String quantity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("variant", variant);
        labels.put("side", side);
        if (name != null) {
            labels.put("name", name);
        }
        return new MetricKey(MetricKey.GATLING, scenario, labels, quantity);
    }
}
