package dev.perfharness.cli.verdict;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.RunsDirectoryOption;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code [RUN]} and {@code --runs-dir}: the run a command reads, the newest by default. */
public final class RunArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "a run id or folder (default: the newest run)")
    String run;
    @Mixin
    RunsDirectoryOption runsDirectoryOption;

    public RunArgument(CliContext context) {
        this.runsDirectoryOption = new RunsDirectoryOption(context);
    }

    Path runsRoot() {
        return runsDirectoryOption.root();
    }

    Path directory() {
        return RunChoice.resolve(run, runsRoot());
    }
}
