package dev.perfharness.reports.metrics;

import static dev.perfharness.reports.TestRuns.forks;
import static dev.perfharness.reports.TestRuns.jmhResult;
import static dev.perfharness.reports.TestRuns.secondary;
import static dev.perfharness.reports.TestRuns.writeJmh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhMetricsTest {
    private static final Map<String, String> PARAMS = Map.of("cache", "ASIDE", "trackerJobs", "100000");

    @TempDir
    Path run;

    @Test
    void theScoreHasEveryIterationOfEveryFork() throws Exception {
        double[][] raw = forks(200, 10, 1);
        writeJmh(run, jmhResult("dev.perfharness.jmh.cache.CacheAsideBenchmark.hit", "avgt", PARAMS, "us/op", raw));

        Metric score = RunMetrics.read(run).get(key("score")).orElseThrow();

        assertThat(score.kind()).isEqualTo(Kind.TIME);
        assertThat(score.unit()).isEqualTo("us/op");
        assertThat(score.measurement()).isEqualTo(Measurement.Samples.ofForks(raw));
        assertThat(((Measurement.Samples) score.measurement()).values()).hasSize(10);
    }

    @Test
    void aThroughputScoreIsBetterHigher() throws Exception {
        writeJmh(run, jmhResult("dev.perfharness.jmh.containers.WorkerPoolBenchmark.batch", "thrpt", Map.of("workers", "FIXED_POOL"),
                "ops/s", forks(98, 1, 2)));

        Metric score = RunMetrics.read(run).all().iterator().next();

        assertThat(score.key().toString()).isEqualTo("jmh containers.WorkerPoolBenchmark.batch [workers=FIXED_POOL] score");
        assertThat(score.kind()).isEqualTo(Kind.THROUGHPUT);
    }

    @Test
    void bytesPerOperationAndTheBenchmarksOwnFiguresAreMetricsButGcNoiseIsNot() throws Exception {
        double[][] bytes = forks(4200, 0.01, 3);
        ObjectNode result = jmhResult("dev.perfharness.jmh.cache.CacheAsideBenchmark.hit", "avgt", PARAMS, "us/op", forks(200, 10, 4));
        secondary(result, "gc.alloc.rate.norm", "B/op", bytes);
        secondary(result, "gc.alloc.rate", "MB/sec", forks(300, 5, 5));
        secondary(result, "gc.count", "counts", forks(3, 0, 6));
        secondary(result, "hitRatePercent", "#", forks(80, 1, 7));
        secondary(result, "listingsPerRequest", "#", forks(1, 0, 8));
        writeJmh(run, result);

        RunMetrics metrics = RunMetrics.read(run);

        assertThat(metrics.all()).extracting(metric -> metric.key().quantity())
                .containsExactlyInAnyOrder("score", "gc.alloc.rate.norm", "hitRatePercent", "listingsPerRequest");
        Metric allocation = metrics.get(key("gc.alloc.rate.norm")).orElseThrow();
        assertThat(allocation.kind()).isEqualTo(Kind.ALLOCATION);
        assertThat(allocation.unit()).isEqualTo("B/op");
        assertThat(allocation.measurement()).isEqualTo(Measurement.Samples.ofForks(bytes));
        assertThat(metrics.get(key("hitRatePercent")).orElseThrow().kind()).isEqualTo(Kind.RATIO);
        assertThat(metrics.get(key("listingsPerRequest")).orElseThrow().kind()).isEqualTo(Kind.INFORMATIONAL);
    }

    @Test
    void aResultWithoutRawDataHasItsScoreAsTheOneSample() throws Exception {
        ObjectNode result = jmhResult("dev.perfharness.jmh.pulls.PullBatchBenchmark.pullBatch", "ss", Map.of(), "ms/op", new double[0][]);
        ((ObjectNode) result.get("primaryMetric")).put("score", 1234.5);
        writeJmh(run, result);

        Metric score = RunMetrics.read(run).all().iterator().next();

        assertThat(score.measurement()).isEqualTo(new Measurement.Samples(new double[] {1234.5}));
        assertThat(score.kind()).isEqualTo(Kind.TIME);
    }

    @Test
    void aDamagedResultsFileIsAnErrorNamingIt() throws Exception {
        Path file = writeJmh(run, jmhResult("dev.perfharness.jmh.X.y", "avgt", Map.of(), "us/op", forks(1, 0, 9)));
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> RunMetrics.read(run))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aSampleThatIsNoNumberIsAnErrorNamingTheFileAndTheBenchmark() throws Exception {
        ObjectNode result = jmhResult("dev.perfharness.jmh.X.y", "avgt", Map.of(), "us/op", forks(1, 0, 10));
        ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("primaryMetric").get("rawData").get(1)).set(2,
                com.fasterxml.jackson.databind.node.TextNode.valueOf("NaN"));
        Path file = writeJmh(run, result);

        assertThatThrownBy(() -> RunMetrics.read(run))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("X.y score");
    }

    @Test
    void aResultsFileThatIsNoArrayIsAnError() throws Exception {
        Path file = run.resolve("jmh/results.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"benchmark\": \"x\"}");

        assertThatThrownBy(() -> RunMetrics.read(run))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(file.toString());
    }

    private static MetricKey key(String quantity) {
        return new MetricKey(MetricKey.JMH, "cache.CacheAsideBenchmark.hit", PARAMS, quantity);
    }
}
