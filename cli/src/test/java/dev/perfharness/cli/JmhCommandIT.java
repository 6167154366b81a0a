package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhCommandIT {
    @TempDir
    Path project;

    @Test
    void runsTheSelectedBenchmarksIntoARunDirectoryAndPrintsTheVariantsSideBySide() throws IOException {
        Path runs = project.resolve("runs");

        CliRun run = CliRun.in(project, "jmh", "--preset", "smoke", "--include", "LineFormatBenchmark", "--runs-dir", runs.toString());

        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        assertThat(run.output())
                .contains("[  1/3] output.LineFormatBenchmark.format")
                .contains("output.LineFormatBenchmark.format (avgt, lineLength=120)")
                .contains("bytes/op")
                .contains("format=CONCAT").contains("format=BUILDER").contains("format=POOLED")
                .contains("JMH: 3 of 3 benchmark variants done");
        Path runDirectory = CliRun.onlyRunDirectory(runs);
        Path results = runDirectory.resolve("jmh/results.json");
        assertThat(results).isNotEmptyFile();
        assertThat(run.output()).contains("results: " + results);
        assertThat(runDirectory.resolve("jmh/results.json.partial")).doesNotExist();
    }

    @Test
    void anUnknownPresetIsRefusedByName() {
        CliRun run = CliRun.in(project, "jmh", "--preset", "fast");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("unknown preset 'fast'").contains("quick, ci, full");
    }

    @Test
    void anIncludeThatIsNoRegularExpressionIsRefusedByName() {
        CliRun run = CliRun.in(project, "jmh", "--include", "format([");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("--include 'format([' is not a regular expression");
    }

    @Test
    void anIncludeThatSelectsNothingListsTheBenchmarks() {
        CliRun run = CliRun.in(project, "jmh", "--include", "NoSuchBenchmark");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("no benchmark matches --include NoSuchBenchmark")
                .contains("output.LineFormatBenchmark.format");
    }
}
