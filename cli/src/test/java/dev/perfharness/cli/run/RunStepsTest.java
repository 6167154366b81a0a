package dev.perfharness.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.reports.run.EnvironmentInfo;
import dev.perfharness.reports.run.GitState;
import dev.perfharness.reports.run.JdkInfo;
import dev.perfharness.reports.run.MachineInfo;
import dev.perfharness.reports.run.RunManifest;
import dev.perfharness.reports.run.RunStep;
import dev.perfharness.reports.run.StepStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStepsTest {
    @TempDir
    Path runDirectory;

    @Test
    void aFailedStepIsRecordedWithWhyAndTheNextStepsStillRun() throws Exception {
        Path results = Files.createDirectories(runDirectory.resolve("jmh")).resolve("results.json");
        Files.writeString(results, "[]");
        List<RunManifest> seenWhileRunning = new ArrayList<>();
        List<Step> steps = List.of(
                new Step("jmh quick", "jmh", Duration.ofSeconds(1), List.of(results), () -> {
                    throw new IllegalStateException("JMH could not run: the lock is held");
                }),
                new Step("gatling CacheOutage before", "gatling", Duration.ofSeconds(1), List.of(), () -> StepResult.skipped("no Redis switch")),
                new Step("gatling DashboardPolling before", "gatling", Duration.ofSeconds(1), List.of(), () -> {
                    seenWhileRunning.add(RunManifest.read(runDirectory.resolve(RunManifest.FILE_NAME)));
                    return StepResult.ok(List.of(runDirectory.resolve("gatling/DashboardPolling/before")));
                }));
        RunRecord record = new RunRecord(runDirectory, manifest(steps));
        StringWriter out = new StringWriter();

        RunCommand.runSteps(steps, record, new PrintWriter(out), Clock.systemUTC());

        RunManifest written = RunManifest.read(runDirectory.resolve(RunManifest.FILE_NAME));
        assertThat(written.steps()).extracting(RunStep::status).containsExactly(StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.OK);
        assertThat(written.steps().get(0).detail()).isEqualTo("JMH could not run: the lock is held");
        assertThat(written.steps().get(0).outputs()).containsExactly("jmh/results.json");
        assertThat(written.steps().get(1).detail()).isEqualTo("no Redis switch");
        assertThat(written.steps().get(2).outputs()).containsExactly("gatling/DashboardPolling/before");
        assertThat(written.steps()).allSatisfy(step -> assertThat(step.endedAt()).isNotNull());
        assertThat(written.anyFailed()).isTrue();
        // What a run killed during the third step leaves behind.
        assertThat(seenWhileRunning.getFirst().running()).map(RunStep::name).hasValue("gatling DashboardPolling before");
        assertThat(seenWhileRunning.getFirst().steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(out.toString())
                .contains("[1/3] jmh quick · done 0 of 3")
                .contains("FAILED: jmh quick: JMH could not run: the lock is held")
                .contains("[2/3] gatling CacheOutage before · done 1 of 3")
                .contains("skipped: gatling CacheOutage before: no Redis switch")
                .contains("[3/3] gatling DashboardPolling before · done 2 of 3");
    }

    private RunManifest manifest(List<Step> steps) {
        return new RunManifest(RunManifest.VERSION, runDirectory.getFileName().toString(), "quick", null, Instant.now(), null,
                GitState.unknown(), JdkInfo.current(), MachineInfo.current(), new EnvironmentInfo("embedded", "test"), Map.of(),
                steps.stream().map(step -> RunStep.pending(step.name(), step.kind(), 1)).toList());
    }
}
