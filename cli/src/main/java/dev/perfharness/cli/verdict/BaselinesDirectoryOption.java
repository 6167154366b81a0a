package dev.perfharness.cli.verdict;

import dev.perfharness.reports.baseline.BaselineStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --baselines-dir}: where saved baselines live, for every command that reads or writes them. */
public final class BaselinesDirectoryOption {
    @Option(names = "--baselines-dir", paramLabel = "DIR", description = "where saved baselines live (default: baselines/ in the project)")
    Path directory;

    BaselineStore store(Path projectDir) {
        return new BaselineStore(directory != null ? directory : projectDir.resolve("baselines"), Clock.systemUTC());
    }
}
