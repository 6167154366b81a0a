package dev.perfharness.cli.env;

import picocli.CommandLine.Command;

/** {@code harness env up|status|down}: an environment that outlives the command that started it. */
@Command(name = "env",
        description = "Start, inspect or stop the environment (Redis, Docker engine, Kubernetes API).",
        mixinStandardHelpOptions = true,
        subcommands = {EnvUpCommand.class, EnvStatusCommand.class, EnvDownCommand.class, EnvHoldCommand.class})
public final class EnvCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
