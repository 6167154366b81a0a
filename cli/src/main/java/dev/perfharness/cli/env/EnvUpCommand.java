package dev.perfharness.cli.env;

import dev.perfharness.cli.ChildJvm;
import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness env up}: starts the environment in a detached holder process, returns once it is
 * ready, and leaves it running until {@code env down}.
 */
@Command(name = "up", description = "Start the environment and leave it running until 'env down'.",
        mixinStandardHelpOptions = true)
public final class EnvUpCommand implements Callable<Integer> {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    public EnvUpCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        HarnessSettings settings = settingsOptions.load();
        StateFile stateFile = new StateFile(settings.stateDir());
        Optional<EnvironmentState> existing = stateFile.read();
        if (existing.isPresent() && existing.get().holderAlive()) {
            if (!existing.get().environment().equals(settings.environment().label())) {
                throw new EnvironmentException("a %s environment is already up; run bin/harness env down first"
                        .formatted(existing.get().environment()));
            }
            spec.commandLine().getOut().println("already up:");
            return EnvironmentReport.print(spec.commandLine().getOut(), existing.get(), stateFile.path().toString()) ? 0 : 1;
        }
        Files.createDirectories(settings.stateDir());
        Process holder = startHolder(settings, stateFile);
        EnvironmentState state = awaitReady(holder, stateFile);
        return EnvironmentReport.print(spec.commandLine().getOut(), state, stateFile.path().toString()) ? 0 : 1;
    }

    private static Process startHolder(HarnessSettings settings, StateFile stateFile) throws IOException {
        List<String> args = new ArrayList<>(List.of("env", "hold"));
        // The holder gets every resolved setting as a flag, so it sees exactly what this command saw.
        settings.asFlags().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return new ProcessBuilder(ChildJvm.detachedHarness(args))
                .redirectErrorStream(true)
                .redirectOutput(stateFile.holderLog().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    private static EnvironmentState awaitReady(Process holder, StateFile stateFile) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<EnvironmentState> state = stateFile.read();
            // setsid execs java in place, so the holder's pid is the child's pid.
            if (state.isPresent() && state.get().holderPid() == holder.pid()) {
                return state.get();
            }
            if (!holder.isAlive()) {
                throw new EnvironmentException("the environment did not start:\n" + tail(stateFile));
            }
            Thread.sleep(100);
        }
        holder.destroy();
        throw new EnvironmentException("the environment was not ready within " + READY_TIMEOUT.toMinutes()
                + " minutes; the end of its log (" + stateFile.holderLog() + "):\n" + tail(stateFile));
    }

    private static String tail(StateFile stateFile) throws IOException {
        List<String> lines = Files.readAllLines(stateFile.holderLog());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
