package dev.perfharness.cli.verdict;

import dev.perfharness.cli.CliContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness gate [RUN] [--targets FILE...] [--baseline NAME]}: every target claim by claim, every
 * regression against the baseline, and {@code gate.json}, {@code gate.junit.xml} and {@code summary.md}
 * in the run directory. Exit 0 when all pass, 1 on a missed required target or a regression, 2 when
 * something could not be evaluated.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Evaluate every target and every regression against a baseline; exit 0 pass, 1 fail, 2 cannot evaluate.")
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    GateOptions gateOptions;
    @Mixin
    RunArgument runArgument;

    private final CliContext context;

    public GateCommand(CliContext context) {
        this.context = context;
        this.runArgument = new RunArgument(context);
    }

    @Override
    public Integer call() throws Exception {
        Path runsRoot = runArgument.runsRoot();
        Path runDirectory = runArgument.directory();
        return gateOptions.gate(context.projectDir(), runsRoot, runDirectory, spec.commandLine().getOut()).exitCode();
    }
}
