package dev.perfharness.cli.env;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness env down}: stops the holder, which stops what it started; then makes sure of it, so
 * nothing is left running even when the holder had died.
 */
@Command(name = "down", description = "Stop the environment; leaves nothing running.", mixinStandardHelpOptions = true)
public final class EnvDownCommand implements Callable<Integer> {
    private static final Duration HOLDER_STOP_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    public EnvDownCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws Exception {
        StateFile stateFile = new StateFile(settingsOptions.load().stateDir());
        Optional<EnvironmentState> found = stateFile.read();
        var out = spec.commandLine().getOut();
        if (found.isEmpty()) {
            out.println("no environment is up");
            return 0;
        }
        EnvironmentState state = found.get();
        stopHolder(state);
        state.processes().forEach(this::killLeftover);
        removeLeftoverContainers(state);
        stateFile.delete();
        out.printf("the %s environment is down; nothing of it runs%n", state.environment());
        return 0;
    }

    private void stopHolder(EnvironmentState state) throws InterruptedException {
        Optional<ProcessHandle> holder = ProcessHandle.of(state.holderPid());
        if (holder.isEmpty() || !holder.get().isAlive()) {
            return;
        }
        holder.get().destroy();
        try {
            holder.get().onExit().get(HOLDER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            holder.get().destroyForcibly();
        }
    }

    private void killLeftover(long pid) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            spec.commandLine().getErr().printf("stopping leftover process %d%n", pid);
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    private void removeLeftoverContainers(EnvironmentState state) throws IOException {
        if (state.containers().isEmpty() || !state.dockerAvailable()) {
            return;
        }
        try (DockerClient docker = DockerEngine.client(state.endpoints().docker().address().orElseThrow(), Duration.ofSeconds(30))) {
            for (String id : state.containers()) {
                try {
                    docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                    spec.commandLine().getErr().printf("removed leftover container %s%n", id.substring(0, 12));
                } catch (NotFoundException alreadyGone) {
                    // The holder removed it, as it should.
                }
            }
        }
    }
}
