package dev.perfharness.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** async-profiler attached to, or started with, a real child JVM. */
class ServiceProfilerIT {
    @TempDir
    Path dir;

    private ServiceProfiler profiler;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void extractTheLibrary() {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(dir.resolve("cache"));
        profiler = new ServiceProfiler(library, SamplingEngine.probe(library));
    }

    @AfterEach
    void stopTheChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void attachesAndProfilesCpuThenAllocationsIntoCollapsedStacksAndFlameGraphs() throws Exception {
        Process target = start(List.of(), 60);

        List<EventProfile> profiles = profiler.profile(target.pid(), Duration.ofSeconds(2),
                EnumSet.of(ProfiledEvent.CPU, ProfiledEvent.ALLOC), dir.resolve("out"));

        assertThat(profiles).extracting(EventProfile::event).containsExactly(ProfiledEvent.CPU, ProfiledEvent.ALLOC);
        EventProfile cpu = profiles.get(0);
        EventProfile alloc = profiles.get(1);
        assertThat(cpu.collapsed()).isEqualTo(dir.resolve("out/cpu.collapsed"));
        assertThat(cpu.window()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cpu.samples()).isPositive();
        assertThat(Files.readString(cpu.collapsed())).contains("ProfiledTarget.spinInADistinctivelyNamedMethod");
        assertThat(Files.readString(alloc.collapsed()))
                .containsPattern("ProfiledTarget\\.allocateInADistinctivelyNamedMethod;byte\\[\\]");
        for (EventProfile profile : profiles) {
            assertThat(Files.readString(profile.flameGraph())).startsWith("<!DOCTYPE html>")
                    .contains("pid " + target.pid() + ": " + profile.event().label());
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("cpu.collapsed", "cpu.html", "alloc.collapsed", "alloc.html");
        }
    }

    @Test
    void theStartupArgumentProfilesTheChildUntilItExits() throws Exception {
        Path collapsed = dir.resolve("startup/cpu.collapsed");
        Files.createDirectories(collapsed.getParent());

        Process target = start(List.of(profiler.startupAgentArgument(ProfiledEvent.CPU, collapsed)), 2);

        assertThat(target.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(target.exitValue()).isZero();
        assertThat(Files.readString(collapsed)).contains("ProfiledTarget.spinInADistinctivelyNamedMethod");
    }

    @Test
    void aSecondSessionInAJvmAlreadyProfiledIsRefusedWithAsyncProfilersReason() throws Exception {
        Process target = start(List.of(profiler.startupAgentArgument(ProfiledEvent.CPU, dir.resolve("at-exit.collapsed"))), 60);

        assertThatThrownBy(() -> profiler.profile(target.pid(), Duration.ofMillis(200), EnumSet.of(ProfiledEvent.CPU), dir))
                .isInstanceOf(ProfilingException.class)
                .hasMessageContaining("pid " + target.pid())
                .hasMessageContaining("Profiler already started");
    }

    @Test
    void aPidThatIsNoProcessOrNoJvmIsNamed() throws Exception {
        long unused = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        assertThatThrownBy(() -> profiler.profile(unused, Duration.ofSeconds(1), EnumSet.of(ProfiledEvent.CPU), dir))
                .isInstanceOf(ProfilingException.class).hasMessage("no process with pid " + unused);

        Process sleeper = new ProcessBuilder("sleep", "30").start();
        children.add(sleeper);
        assertThatThrownBy(() -> profiler.profile(sleeper.pid(), Duration.ofSeconds(1), EnumSet.of(ProfiledEvent.CPU), dir))
                .isInstanceOf(ProfilingException.class)
                .hasMessageContaining("pid " + sleeper.pid()).hasMessageContaining("is not a JVM this user can attach to");
        assertThat(sleeper.isAlive()).as("attaching must not kill a process that is no JVM").isTrue();
    }

    /** Starts {@link ProfiledTarget} for {@code seconds} and waits until it says it is ready. */
    private Process start(List<String> jvmArguments, int seconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-XX:+EnableDynamicAgentLoading");
        command.addAll(jvmArguments);
        command.addAll(List.of("-cp", Path.of(ProfiledTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                ProfiledTarget.class.getName(), Integer.toString(seconds)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = output.readLine()) != null && !line.equals("ready")) {
            seen.add(line);
        }
        assertThat(line).as("the target started: %s", seen).isEqualTo("ready");
        Thread.ofPlatform().daemon().start(() -> output.lines().forEach(ignored -> { }));
        return process;
    }
}
