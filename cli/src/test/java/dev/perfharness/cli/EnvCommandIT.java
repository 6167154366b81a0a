package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env up}, {@code status} and {@code down} as a user runs them, with a real holder process. */
class EnvCommandIT {
    @TempDir
    Path project;

    @Test
    void upLeavesRedisRunningStatusPrintsItAndDownLeavesNothing() {
        CliRun up = run("env", "up", "--env", "embedded");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("redis        redis://127.0.0.1:").contains("PONG");

        EnvironmentState state = new StateFile(project.resolve(".harness")).read().orElseThrow();
        long redisPid = state.endpoints().processes().getFirst();
        assertThat(alive(redisPid)).isTrue();

        CliRun status = run("env", "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("environment  embedded").contains("PONG").contains("docker ");

        CliRun down = run("env", "down");
        assertThat(down.exitCode()).isZero();
        assertThat(alive(redisPid)).isFalse();
        assertThat(alive(state.holderPid())).isFalse();
        assertThat(run("env", "status").exitCode()).isEqualTo(3);
    }

    @Test
    void aBadSettingIsOneLineNamingIt() {
        CliRun result = run("env", "up", "--set", "redis.read-timeout=soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("redis.read-timeout = \"soon\"").doesNotContain("Exception");
    }

    @Test
    void anUnknownEnvironmentIsRefused() {
        CliRun result = run("env", "up", "--env", "kubernetes");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("env = \"kubernetes\"").contains("embedded, testcontainers, external");
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private CliRun run(String... args) {
        return CliRun.in(project, args);
    }

}
