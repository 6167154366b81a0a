package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile attach} against a real JVM of its own, then {@code profile diff} of what it wrote. */
class ProfileAttachIT {
    @TempDir
    Path project;

    @Test
    void profilesBothEventsOfARunningJvmAndDiffsTheCpuProfileAgainstItself() throws Exception {
        Process spinner = startSpinner();
        try {
            Path out = project.resolve("prof");
            CliRun attach = CliRun.in(project, "profile", "attach", "--pid", Long.toString(spinner.pid()),
                    "--duration", "2s", "--event", "both", "--out", out.toString());

            assertThat(attach.exitCode()).as(attach.errors()).isZero();
            assertThat(attach.output()).startsWith("profiling pid " + spinner.pid() + " for 2s: cpu (event=")
                    .contains(" then alloc (event=alloc)")
                    .containsPattern("(?m)^  cpu +[\\d,]+ samples in 1s +" + out.resolve("cpu.collapsed") + "$")
                    .contains(out.resolve("cpu.html").toString())
                    .contains(out.resolve("alloc.collapsed").toString()).contains(out.resolve("alloc.html").toString());
            assertThat(Files.readString(out.resolve("cpu.collapsed"))).contains("Spinner.spinUntilKilled");

            CliRun diff = CliRun.in(project, "profile", "diff", out.resolve("cpu.collapsed").toString(),
                    out.resolve("cpu.collapsed").toString(), "--out", project.resolve("same.html").toString());

            assertThat(diff.exitCode()).as(diff.errors()).isZero();
            assertThat(diff.output()).contains("base scaled by 1.0000").contains("grew (").contains("  none");
        } finally {
            spinner.destroyForcibly();
            spinner.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startSpinner() throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+EnableDynamicAgentLoading", "-cp", System.getProperty("java.class.path"), Spinner.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("ready");
        Thread.ofPlatform().daemon().start(() -> output.lines().forEach(ignored -> { }));
        return process;
    }

    /** A JVM that burns CPU in one recognizable method and allocates in it too, until it is killed. */
    public static final class Spinner {
        static volatile Object sink;

        public static void main(String[] args) {
            System.out.println("ready");
            System.out.flush();
            spinUntilKilled();
        }

        static void spinUntilKilled() {
            long x = 1;
            while (true) {
                for (int i = 0; i < 100_000; i++) {
                    x = x * 31 + i;
                }
                sink = new long[] {x};
            }
        }
    }
}
