package dev.perfharness.cli.verdict;

import dev.perfharness.reports.metrics.MetricsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which run a command reads: a path, a run id under the runs folder, or, when none is given, the newest
 * run there. Run ids sort in the order the runs started.
 */
final class RunChoice {
    private RunChoice() {
    }

    static Path resolve(String given, Path runsRoot) {
        if (given != null) {
            Path asPath = Path.of(given);
            if (Files.isDirectory(asPath)) {
                return asPath.toAbsolutePath().normalize();
            }
            Path asId = runsRoot.resolve(given);
            if (Files.isDirectory(asId)) {
                return asId;
            }
            throw new MetricsException("no run \"" + given + "\": neither a folder nor a run id under " + runsRoot);
        }
        return newest(runsRoot).orElseThrow(() -> new MetricsException("no run under " + runsRoot + "; run bin/harness run first, or name a run"));
    }

    private static Optional<Path> newest(Path runsRoot) {
        if (!Files.isDirectory(runsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(runsRoot)) {
            return runs.filter(Files::isDirectory)
                    .filter(run -> Files.exists(run.resolve("jmh/results.json")) || Files.isDirectory(run.resolve("gatling")))
                    .max(Comparator.comparing(run -> run.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsRoot, e);
        }
    }
}
