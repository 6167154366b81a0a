package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness run} end to end, narrowed with {@code --only} to one benchmark class and one scenario of
 * the smoke suite: JMH and both Gatling legs in one run directory, and a run.json that says what ran.
 */
class RunCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void runsTheJmhSuiteAndTheScenariosBeforeAndAfterIntoOneRunDirectoryWithItsManifest() throws IOException {
        Files.createDirectories(project.resolve("targets"));
        Files.writeString(project.resolve("targets/own.yaml"), """
                targets:
                  - id: auth-cached
                    claim: The cached auth header is cheaper.
                    metric: {source: jmh, benchmark: images.RegistryAuthBenchmark.authHeader, value: score}
                    variants: {param: auth, before: PER_CALL, after: CACHED}
                    comparison: relative
                    op: "<"
                    threshold: 0
                """);
        CliRun run = CliRun.in(project, "run", "--suite", "smoke", "--only", "RegistryAuth|DashboardPolling",
                "--runs-dir", project.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        Path runDirectory = CliRun.onlyRunDirectory(project.resolve("runs"));
        assertThat(runDirectory.resolve("jmh/results.json")).isNotEmptyFile();
        assertThat(runDirectory.resolve("jmh/jmh.log")).isNotEmptyFile();
        for (String variant : List.of("before", "after")) {
            Path leg = runDirectory.resolve("gatling/DashboardPolling").resolve(variant);
            assertThat(leg.resolve("summary.json")).as(variant).isNotEmptyFile();
            assertThat(leg.resolve("client.hlog")).as(variant).isNotEmptyFile();
            assertThat(leg.resolve("report/index.html")).as(variant).isNotEmptyFile();
        }
        assertThat(run.output())
                .containsSubsequence("[1/3] jmh smoke · done 0 of 3 · 0s elapsed · about ",
                        "images.RegistryAuthBenchmark.authHeader",
                        "[2/3] gatling DashboardPolling before · done 1 of 3 · ",
                        "[3/3] gatling DashboardPolling after · done 2 of 3 · ",
                        "client pull-active: p50",
                        "steps: 3 ok, 0 failed, 0 skipped",
                        "== the gate", "auth-cached", "holds", "gate: PASSED")
                .endsWith("run directory: " + runDirectory + System.lineSeparator() + "report: " + runDirectory.resolve("summary.md")
                        + System.lineSeparator());
        assertThat(runDirectory.resolve("gate.json")).isNotEmptyFile();
        assertThat(runDirectory.resolve("gate.junit.xml")).isNotEmptyFile();

        JsonNode manifest = JSON.readTree(runDirectory.resolve("run.json").toFile());
        assertThat(manifest.path("run_id").asText()).isEqualTo(runDirectory.getFileName().toString());
        assertThat(manifest.path("suite").asText()).isEqualTo("smoke");
        assertThat(manifest.path("only").asText()).isEqualTo("RegistryAuth|DashboardPolling");
        assertThat(manifest.path("started_at").asText()).isNotBlank();
        assertThat(manifest.path("ended_at").asText()).isNotBlank();
        // The project folder here is no git repository: the commit is unknown, and nothing fails.
        assertThat(manifest.path("git").path("commit").isNull()).isTrue();
        assertThat(manifest.path("git").path("dirty").isNull()).isTrue();
        assertThat(manifest.path("jdk").path("home").asText()).isEqualTo(System.getProperty("java.home"));
        assertThat(manifest.path("jdk").path("version").asText()).startsWith(Integer.toString(Runtime.version().feature()));
        assertThat(manifest.path("machine").path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(manifest.path("machine").path("total_memory_bytes").asLong()).isPositive();
        assertThat(manifest.path("machine").path("os_name").asText()).isNotBlank();
        assertThat(manifest.path("environment").path("name").asText()).isEqualTo("embedded");
        assertThat(manifest.path("environment").path("description").asText()).isNotBlank();
        assertThat(manifest.path("variants").path("before").path("cache").asText()).isEqualTo("none");
        assertThat(manifest.path("variants").path("after").path("cache").asText()).isEqualTo("aside-singleflight");
        JsonNode steps = manifest.path("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("name").asText()).isEqualTo("jmh smoke");
        assertThat(steps.get(1).path("name").asText()).isEqualTo("gatling DashboardPolling before");
        assertThat(steps.get(2).path("name").asText()).isEqualTo("gatling DashboardPolling after");
        for (JsonNode step : steps) {
            assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("ok");
            assertThat(step.path("started_at").asText()).as(step.toString()).isNotBlank();
            assertThat(step.path("ended_at").asText()).as(step.toString()).isNotBlank();
            assertThat(step.path("planned_seconds").asLong()).as(step.toString()).isPositive();
            step.path("outputs").forEach(output -> assertThat(runDirectory.resolve(output.asText())).exists());
        }
        assertThat(steps.get(0).path("outputs").toString()).contains("jmh/results.json");
        assertThat(steps.get(2).path("outputs").toString()).contains("gatling/DashboardPolling/after");
    }

    @Test
    void anOnlyThatMatchesNothingIsRefusedByNameBeforeAnythingRuns() {
        CliRun run = CliRun.in(project, "run", "--only", "NoSuchThing", "--runs-dir", project.resolve("runs").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("--only 'NoSuchThing' matches no benchmark and no scenario of the quick suite");
        assertThat(project.resolve("runs")).doesNotExist();
    }

    @Test
    void anUnknownSuiteIsRefusedByName() {
        CliRun run = CliRun.in(project, "run", "--suite", "fast");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("unknown suite 'fast'; choose smoke, quick, ci, full");
    }
}
