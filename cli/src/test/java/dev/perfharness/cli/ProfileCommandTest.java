package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile check} and {@code profile diff} in-process; attaching is {@link ProfileAttachIT}'s. */
class ProfileCommandTest {
    @TempDir
    Path project;

    @Test
    void checkExtractsTheLibraryIntoTheStateFolderAndNamesTheSamplingEngine() {
        CliRun result = CliRun.in(project, "profile", "check");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output())
                .containsPattern("(?m)^platform: +(linux-x64|linux-arm64|macos)$")
                .contains("library:         " + project.resolve(".harness/async-profiler/async-profiler-4.6"))
                .contains("version:         async-profiler 4.6")
                .containsPattern("(?m)^cpu sampling: +event=(cpu with perf events|ctimer, a timer fallback: perf events are not available)$")
                .containsPattern("(?m)^why: +perf events (available|unavailable).+$");
        assertThat(project.resolve(".harness/async-profiler/async-profiler-4.6")).isDirectory();
    }

    @Test
    void diffWritesThePageAndNamesTheFramesThatMovedMost() throws Exception {
        Path base = write("base.collapsed", "main;work;b 10\nmain;work;c 30\n");
        Path next = write("new.collapsed", "main;work;b 40\nmain;work;c 40\n");
        Path page = project.resolve("out/diff.html");

        CliRun result = CliRun.in(project, "profile", "diff", base.toString(), next.toString(), "--out", page.toString());

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).contains("wrote " + page)
                .contains("base 40 samples, new 80 samples: base scaled by 2.0000 to the new total")
                .containsPattern("grew .*\\n +\\+25\\.00 pp +25\\.00% -> +50\\.00% +b\\n")
                .containsPattern("shrank .*\\n +-25\\.00 pp +75\\.00% -> +50\\.00% +c\\n");
        assertThat(Files.readString(page)).contains("<title>base.collapsed vs new.collapsed</title>");
    }

    @Test
    void aFolderWithOneCollapsedFileStandsForIt() throws Exception {
        Path base = write("jmh-base/collapsed-cpu.csv", "a;b 1\n");
        write("jmh-base/summary-cpu.txt", "not a profile\n");
        Path next = write("new.collapsed", "a;b 2\n");

        CliRun result = CliRun.in(project, "profile", "diff", base.getParent().toString(), next.toString(),
                "--out", project.resolve("d.html").toString(), "--title", "JMH");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).contains("base 1 samples, new 2 samples");
    }

    @Test
    void aFolderWithSeveralCollapsedFilesIsRefusedByName() throws Exception {
        write("two/cpu.collapsed", "a 1\n");
        write("two/alloc.collapsed", "a 1\n");
        Path next = write("new.collapsed", "a 2\n");

        CliRun result = CliRun.in(project, "profile", "diff", project.resolve("two").toString(), next.toString(),
                "--out", project.resolve("d.html").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("BASE folder " + project.resolve("two")
                + " holds 2 (alloc.collapsed, cpu.collapsed) collapsed-*.csv or *.collapsed files; name one file");
    }

    @Test
    void aBadLineIsNamedByFileAndLine() throws Exception {
        Path base = write("base.collapsed", "a;b 1\na;b one\n");
        Path next = write("new.collapsed", "a;b 2\n");

        CliRun result = CliRun.in(project, "profile", "diff", base.toString(), next.toString(),
                "--out", project.resolve("d.html").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("error: " + base + " line 2: the count 'one' is not a whole number");
        assertThat(project.resolve("d.html")).doesNotExist();
    }

    @Test
    void attachingToAPidThatIsNoProcessSaysSo() {
        long unused = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;

        CliRun result = CliRun.in(project, "profile", "attach", "--pid", Long.toString(unused), "--duration", "1s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("error: no process with pid " + unused);
    }

    @Test
    void aDurationThatIsNoDurationIsNamed() {
        CliRun result = CliRun.in(project, "profile", "attach", "--pid", "1", "--duration", "ten seconds");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("'ten seconds' is not a duration");
    }

    private Path write(String name, String text) throws Exception {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
