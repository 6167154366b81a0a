package dev.perfharness.cli.env;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness env status}: every endpoint of the environment that is up. Exit 0 up, 1 broken, 3 none. */
@Command(name = "status", description = "Print every endpoint of the environment that is up.",
        mixinStandardHelpOptions = true)
public final class EnvStatusCommand implements Callable<Integer> {
    static final int EXIT_NOT_UP = 3;

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    public EnvStatusCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() {
        StateFile stateFile = new StateFile(settingsOptions.load().stateDir());
        Optional<EnvironmentState> state = stateFile.read();
        var out = spec.commandLine().getOut();
        if (state.isEmpty()) {
            out.println("no environment is up; start one with: bin/harness env up [--env embedded|testcontainers|external]");
            return EXIT_NOT_UP;
        }
        if (!state.get().holderAlive()) {
            out.printf("the %s environment's holder (pid %d) is gone; bin/harness env down cleans up what it left%n",
                    state.get().environment(), state.get().holderPid());
            return 1;
        }
        return EnvironmentReport.print(out, state.get(), stateFile.path().toString()) ? 0 : 1;
    }
}
