package dev.perfharness.cli;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --runs-dir}, for the commands that write a run directory. */
public final class RunsDirectoryOption {
    private final CliContext context;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run directories go (default: runs/ in the project)")
    private Path runsDirectory;

    public RunsDirectoryOption(CliContext context) {
        this.context = context;
    }

    /** {@code --runs-dir}, or else the project's {@code runs/}. */
    public Path root() {
        return runsDirectory != null ? runsDirectory : context.projectDir().resolve("runs");
    }

    /** A new, empty run directory under {@link #root()}. */
    public Path createRunDirectory() {
        return new RunDirectories(root(), Clock.systemUTC()).create();
    }
}
