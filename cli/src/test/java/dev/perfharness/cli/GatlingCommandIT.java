package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every simulation for a few seconds against the service on the embedded environment, through
 * {@code harness gatling}: a simulation that no longer runs, or whose assertions fail against the
 * service, fails here.
 */
class GatlingCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL = List.of("DashboardPolling", "PullActiveOpenModel", "SingleJobWatch", "MultiJobWatch",
            "PodLogStreaming", "ConnectionScale", "CacheOutage");

    @TempDir
    Path project;

    @Test
    void everySimulationRunsAgainstTheServiceAndItsAssertionsHold() throws IOException {
        CliRun run = CliRun.in(project, "gatling", "--scenario", String.join(",", ALL), "--variants", "after",
                "--duration", "3", "--warm-up", "0", "--runs-dir", project.resolve("runs").toString(),
                "--knob", "dashboards=10", "--knob", "failedViewers=4", "--knob", "pollMillis=200",
                "--knob", "startRate=20", "--knob", "rateStep=20", "--knob", "levels=2",
                "--knob", "clients=3", "--knob", "subscriptions=3",
                "--knob", "streams=2", "--knob", "lines=2048", "--knob", "lineBytes=256",
                "--knob", "connections=100", "--knob", "ramp=2", "--knob", "jobsPerSecond=5");

        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        Path gatling = CliRun.onlyRunDirectory(project.resolve("runs")).resolve("gatling");
        for (String scenario : ALL) {
            Path leg = gatling.resolve(scenario).resolve("after");
            assertThat(run.output()).contains(scenario + " after: running").contains(leg.toString());
            assertThat(leg.resolve("report/index.html")).as(scenario).isNotEmptyFile();
            assertThat(leg.resolve("client.hlog")).as(scenario).isNotEmptyFile();
            assertThat(leg.resolve("server.hlog")).as(scenario).isNotEmptyFile();
            assertThat(leg.resolve("metrics-before.prom")).as(scenario).isNotEmptyFile();
            assertThat(leg.resolve("metrics-after.prom")).as(scenario).isNotEmptyFile();
            JsonNode summary = JSON.readTree(leg.resolve("summary.json").toFile());
            assertThat(summary.path("gatling_exit_code").asInt()).as(scenario).isZero();
            assertThat(summary.path("client").size()).as(scenario).isPositive();
        }
        for (String watch : List.of("SingleJobWatch", "MultiJobWatch", "ConnectionScale")) {
            JsonNode summary = JSON.readTree(gatling.resolve(watch).resolve("after/summary.json").toFile());
            assertThat(summary.path("ws_delivery").path("count").asLong()).as(watch).isPositive();
            assertThat(summary.path("simulation").path("watch").path("final_updates").asLong()).as(watch).isPositive();
        }
        JsonNode streams = JSON.readTree(gatling.resolve("PodLogStreaming/after/summary.json").toFile()).path("simulation").path("streams");
        assertThat(streams.path("streams_completed").asInt()).isEqualTo(2);
        // At least the lines times their length: the stream carries a little more than the log itself.
        assertThat(streams.path("bytes").asLong()).isGreaterThanOrEqualTo(2L * 2048 * 256);
        JsonNode scale = JSON.readTree(gatling.resolve("ConnectionScale/after/summary.json").toFile()).path("figures");
        assertThat(scale.path("connections held").asDouble()).isEqualTo(100);
        assertThat(scale.path("heap per connection (B)").asDouble()).isPositive();
        JsonNode outage = JSON.readTree(gatling.resolve("CacheOutage/after/summary.json").toFile()).path("outage_windows");
        assertThat(outage.path("during outage").path("count").asLong()).isPositive();
        assertThat(outage.path("during outage").path("failed").asLong()).isZero();
    }

    @Test
    void theVariantsRunOneAfterTheOtherAndArePrintedSideBySide() throws IOException {
        CliRun run = CliRun.in(project, "gatling", "--scenario", "dashboardpolling", "--duration", "2", "--warm-up", "1",
                "--runs-dir", project.resolve("runs").toString(), "--knob", "dashboards=10", "--knob", "pollMillis=200");

        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        assertThat(run.output())
                .containsSubsequence("[1/2] DashboardPolling before", "[2/2] DashboardPolling after")
                .contains("change")
                .contains("client pull-active: p99.9")
                .contains("server /api/v1/images/pull-active: p50")
                .contains("cache hit ratio (active)");
        Path scenario = CliRun.onlyRunDirectory(project.resolve("runs")).resolve("gatling/DashboardPolling");
        assertThat(JSON.readTree(scenario.resolve("before/summary.json").toFile()).path("service_settings").path("cache").asText())
                .isEqualTo("none");
        assertThat(JSON.readTree(scenario.resolve("after/summary.json").toFile()).path("service_settings").path("cache").asText())
                .isEqualTo("aside-singleflight");
        assertThat(scenario.resolve("after/warm-up")).isDirectory();
    }

    @Test
    void anUnknownScenarioOrVariantIsRefusedByName() {
        CliRun scenario = CliRun.in(project, "gatling", "--scenario", "DashboardPoling");
        CliRun variant = CliRun.in(project, "gatling", "--scenario", "CacheOutage", "--variants", "before,later");

        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.errors()).contains("unknown scenario \"DashboardPoling\"").contains("DashboardPolling, PullActiveOpenModel");
        assertThat(variant.exitCode()).isEqualTo(2);
        assertThat(variant.errors()).contains("unknown variant \"later\"; expected before or after");
    }
}
