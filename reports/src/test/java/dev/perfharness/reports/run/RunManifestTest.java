package dev.perfharness.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void roundTripsEveryFieldInSnakeCase() throws IOException {
        RunManifest manifest = manifest(List.of(
                RunStep.pending("jmh quick", "jmh", 260).started(START).ended(START.plusSeconds(250), StepStatus.OK,
                        List.of("jmh/results.json", "jmh/jmh.log"), null),
                RunStep.pending("gatling CacheOutage before", "gatling", 30).started(START.plusSeconds(251)),
                RunStep.pending("gatling CacheOutage after", "gatling", 30)))
                .ended(START.plusSeconds(400));
        Path file = directory.resolve(RunManifest.FILE_NAME);

        manifest.writeTo(file);

        assertThat(RunManifest.read(file)).isEqualTo(manifest);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("manifest_version").asInt()).isEqualTo(RunManifest.VERSION);
        assertThat(json.path("run_id").asText()).isEqualTo("20261125-100000");
        assertThat(json.path("started_at").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(json.path("git").path("commit").asText()).isEqualTo("f2aec19");
        assertThat(json.path("jdk").path("home").asText()).isEqualTo("/usr/lib/jvm/jdk-25");
        assertThat(json.path("machine").path("cpu_model").asText()).isEqualTo("AMD EPYC");
        assertThat(json.path("machine").path("total_memory_bytes").asLong()).isEqualTo(24L << 30);
        assertThat(json.path("environment").path("name").asText()).isEqualTo("embedded");
        assertThat(json.path("variants").path("before").path("cache").asText()).isEqualTo("none");
        assertThat(json.path("steps").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(json.path("steps").get(0).path("outputs").get(0).asText()).isEqualTo("jmh/results.json");
        assertThat(json.path("steps").get(1).path("status").asText()).isEqualTo("running");
        assertThat(json.path("steps").get(2).path("started_at").isNull()).isTrue();
    }

    @Test
    void unknownValuesAreWrittenAsNull() throws IOException {
        RunManifest manifest = new RunManifest(RunManifest.VERSION, "r", "quick", null, START, null, GitState.unknown(),
                JdkInfo.current(), MachineInfo.current(), new EnvironmentInfo("embedded", "d"), Map.of(), List.of());
        Path file = directory.resolve(RunManifest.FILE_NAME);

        manifest.writeTo(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("git").path("commit").isNull()).isTrue();
        assertThat(json.path("git").path("dirty").isNull()).isTrue();
        assertThat(json.path("git").path("branch").isNull()).isTrue();
        assertThat(json.path("only").isNull()).isTrue();
        assertThat(json.path("ended_at").isNull()).isTrue();
        assertThat(RunManifest.read(file)).isEqualTo(manifest);
    }

    @Test
    void aKilledRunsManifestNamesTheStepThatWasRunning() {
        RunManifest manifest = manifest(List.of(RunStep.pending("jmh quick", "jmh", 1).started(START).ended(START, StepStatus.OK, List.of(), null),
                RunStep.pending("gatling DashboardPolling before", "gatling", 1).started(START)));

        assertThat(manifest.running()).map(RunStep::name).hasValue("gatling DashboardPolling before");
        assertThat(manifest.endedAt()).isNull();
        assertThat(manifest.anyFailed()).isFalse();
    }

    @Test
    void aReaderNeverSeesHalfAManifestAndNoTemporaryFileStays() throws Exception {
        Path file = directory.resolve(RunManifest.FILE_NAME);
        manifest(List.of()).writeTo(file);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            List<RunStep> steps = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                steps.add(RunStep.pending("gatling step " + i + " " + "x".repeat(200), "gatling", i));
                manifest(steps).writeTo(file);
            }
            writing.set(false);
        });
        int reads = 0;
        while (writing.get()) {
            assertThat(RunManifest.read(file).runId()).isEqualTo("20261125-100000");
            reads++;
        }
        writer.join();

        assertThat(reads).isPositive();
        assertThat(RunManifest.read(file).steps()).hasSize(300);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(RunManifest.FILE_NAME);
        }
    }

    private static RunManifest manifest(List<RunStep> steps) {
        return new RunManifest(RunManifest.VERSION, "20261125-100000", "quick", "RegistryAuth|DashboardPolling", START, null,
                new GitState("f2aec19", true, "wt-run"), new JdkInfo("25.0.1+8-LTS", "Eclipse Adoptium", "/usr/lib/jvm/jdk-25"),
                new MachineInfo("AMD EPYC", 2, 24L << 30, "Linux", "6.1.0", "amd64"),
                new EnvironmentInfo("embedded", "started for this run (embedded); it stops at the end"),
                Map.of("before", Map.of("cache", "none"), "after", Map.of("cache", "aside-singleflight")), steps);
    }
}
