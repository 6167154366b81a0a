package dev.perfharness.cli.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baseline save}, {@code compare} and {@code gate} through the command line, on run directories
 * of two commits: the verdicts, the exit codes and the files they leave.
 */
class BaselineCompareGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "images.RegistryAuthBenchmark.authHeader";

    @TempDir
    Path project;

    private Path run(String id, String commit, double cachedNanos, double cachedBytes) throws IOException {
        return new RunFixture().commit(commit)
                .benchmark(AUTH, Map.of("auth", "PER_CALL"), RunFixture.around(270), 1384)
                .benchmark(AUTH, Map.of("auth", "CACHED"), RunFixture.around(cachedNanos), cachedBytes)
                .writeTo(project.resolve("runs").resolve(id));
    }

    private Path targets(String threshold) throws IOException {
        Path file = project.resolve("targets/own.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                enforce: required
                targets:
                  - id: auth-cached
                    claim: The cached auth header is cheaper.
                    metric: {source: jmh, benchmark: images.RegistryAuthBenchmark.authHeader, value: score}
                    variants: {param: auth, before: PER_CALL, after: CACHED}
                    comparison: relative
                    op: "<="
                    threshold: %s
                  - id: not-here
                    claim: Something this harness cannot measure.
                    not_measured: because it is a Go runtime figure
                """.formatted(threshold));
        return file;
    }

    @Test
    void aRunFromAnotherCommitIsComparedWithTheSavedBaselineAndGated() throws IOException {
        run("20260101-000000", "aaaa", 36, 0);
        run("20260102-000000", "bbbb", 36 * 1.3, 100);
        targets("-0.50");

        CliRun save = CliRun.in(project, "baseline", "save", "main", "--run", "20260101-000000");
        CliRun compare = CliRun.in(project, "compare", "--baseline", "main");
        CliRun gate = CliRun.in(project, "gate", "--baseline", "main");

        assertThat(save.exitCode()).as(save.errors()).isZero();
        assertThat(project.resolve("baselines/main/baseline.json")).isRegularFile();
        assertThat(compare.exitCode()).as(compare.output() + compare.errors()).isEqualTo(1);
        assertThat(compare.output()).contains("auth=CACHED] score").contains("+30.0 %").contains("regressed")
                .contains("auth=CACHED] gc.alloc.rate.norm");
        assertThat(gate.exitCode()).as(gate.output() + gate.errors()).isEqualTo(1);
        assertThat(gate.output()).contains("auth-cached").contains("holds").contains("not-here").contains("not measured here")
                .contains("because it is a Go runtime figure").contains("gate: FAILED").contains("regressions");
        Path newest = project.resolve("runs/20260102-000000");
        JsonNode gateJson = JSON.readTree(newest.resolve("gate.json").toFile());
        assertThat(gateJson.path("exit_code").asInt()).isEqualTo(1);
        assertThat(gateJson.path("targets")).hasSize(2);
        assertThat(Files.readString(newest.resolve("gate.junit.xml"))).contains("<testcase").contains("<failure");
        assertThat(Files.readString(newest.resolve("summary.md"))).contains("| auth-cached |");
        assertThat(JSON.readTree(newest.resolve("compare.json").toFile()).path("baseline").asText()).isEqualTo("main");
    }

    @Test
    void theSameCodeTwiceDoesNotFailTheGate() throws IOException {
        run("20260101-000000", "aaaa", 36, 0);
        run("20260102-000000", "aaaa", 36.1, 0);
        targets("-0.50");
        CliRun.in(project, "baseline", "save", "main", "--run", "20260101-000000");

        CliRun gate = CliRun.in(project, "gate", "--baseline", "main");

        assertThat(gate.exitCode()).as(gate.output() + gate.errors()).isZero();
        assertThat(gate.output()).contains("gate: PASSED").doesNotContain("regressed");
    }

    @Test
    void aMissedRequiredTargetFailsTheGateWithoutABaseline() throws IOException {
        run("20260101-000000", "aaaa", 250, 0);
        targets("-0.50");

        CliRun gate = CliRun.in(project, "gate");

        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.output()).contains("does not hold").contains("required targets missed: auth-cached");
    }

    @Test
    void aDamagedBaselineIsAnErrorNamingTheFileNotAVerdict() throws IOException {
        run("20260101-000000", "aaaa", 36, 0);
        targets("-0.50");
        CliRun.in(project, "baseline", "save", "main", "--run", "20260101-000000");
        Path results = project.resolve("baselines/main/jmh/results.json");
        Files.writeString(results, Files.readString(results).replace("36", "35"));

        CliRun gate = CliRun.in(project, "gate", "--baseline", "main");

        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.errors()).contains("baseline \"main\" is damaged").contains(results.toString());
    }

    @Test
    void aBadGateOptionIsRefusedByNameAndRunRefusesItBeforeItsSuite() throws IOException {
        run("20260101-000000", "aaaa", 36, 0);
        targets("-0.50");

        CliRun threshold = CliRun.in(project, "gate", "--threshold", "time=x%");
        CliRun confidence = CliRun.in(project, "gate", "--confidence", "2");
        CliRun runWithoutBaseline = CliRun.in(project, "run", "--baseline", "nosuch", "--runs-dir", project.resolve("runs").toString());

        assertThat(threshold.exitCode()).isEqualTo(2);
        assertThat(threshold.errors()).contains("--threshold").contains("time=x%");
        assertThat(confidence.exitCode()).isEqualTo(2);
        assertThat(confidence.errors()).contains("--confidence must lie between 0.5 and 1, not 2.0");
        assertThat(runWithoutBaseline.exitCode()).isEqualTo(2);
        assertThat(runWithoutBaseline.errors()).contains("no baseline \"nosuch\"");
        assertThat(runWithoutBaseline.output()).doesNotContain("run directory");
    }

    @Test
    void baselinesAreListedShownAndDeleted() throws IOException {
        run("20260101-000000", "aaaa", 36, 0);
        CliRun.in(project, "baseline", "save", "main");

        CliRun again = CliRun.in(project, "baseline", "save", "main");
        CliRun list = CliRun.in(project, "baseline", "list");
        CliRun show = CliRun.in(project, "baseline", "show", "main");
        CliRun delete = CliRun.in(project, "baseline", "delete", "main");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errors()).contains("baseline \"main\" exists already");
        assertThat(list.output()).contains("main").contains("commit aaaa");
        assertThat(show.output()).contains("jmh/results.json").contains("run.json").contains("jmh images.RegistryAuthBenchmark.authHeader");
        assertThat(delete.exitCode()).isZero();
        assertThat(project.resolve("baselines/main")).doesNotExist();
        assertThat(CliRun.in(project, "baseline", "show", "main").errors()).contains("no baseline \"main\"");
    }

    @Test
    void theBaselineCanBeTheNewestRunOfTheMergeBase() throws Exception {
        git("init", "-q", "-b", "main");
        git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "base");
        String base = git("rev-parse", "HEAD").trim();
        git("checkout", "-q", "-b", "feature");
        git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "change");
        run("20260101-000000", base, 36, 0);
        run("20260102-000000", "feature-commit", 36 * 1.3, 0);
        targets("-0.50");

        CliRun compare = CliRun.in(project, "compare", "20260102-000000", "--baseline-merge-base", "main");

        assertThat(compare.output()).as(compare.errors()).contains("against baseline 20260101-000000").contains("regressed");
    }

    private String git(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
