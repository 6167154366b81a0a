package dev.perfharness.reports.metrics;

import static dev.perfharness.reports.TestRuns.forks;
import static dev.perfharness.reports.TestRuns.jmhResult;
import static dev.perfharness.reports.TestRuns.summary;
import static dev.perfharness.reports.TestRuns.writeJmh;
import static dev.perfharness.reports.TestRuns.writeSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {
    @TempDir
    Path run;

    @Test
    void aRunHoldsItsJmhAndGatlingMetrics() throws Exception {
        writeJmh(run, jmhResult("dev.perfharness.jmh.json.JobListJsonBenchmark.activeJobs", "avgt", Map.of("jobCount", "1000"),
                "us/op", forks(1000, 5, 1)));
        writeSummary(run.resolve("gatling/DashboardPolling/after"), summary("DashboardPolling", "after", Map.of("GC pauses", 6.0)));

        RunMetrics metrics = RunMetrics.read(run);

        assertThat(metrics.isEmpty()).isFalse();
        assertThat(metrics.directory()).isEqualTo(run);
        assertThat(metrics.all()).extracting(metric -> metric.key().source()).containsExactly(MetricKey.JMH, MetricKey.GATLING);
    }

    @Test
    void aRunWithNeitherIsEmpty() throws Exception {
        assertThat(RunMetrics.read(run).isEmpty()).isTrue();
    }

    @Test
    void aMissingRunDirectoryIsAnErrorNamingIt() {
        Path missing = run.resolve("20260101-000000");

        assertThatThrownBy(() -> RunMetrics.read(missing))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(missing.toString());
    }
}
