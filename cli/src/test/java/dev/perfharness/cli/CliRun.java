package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code harness <args>} in-process, as a user would from {@code project}, and keeps what it printed. */
public record CliRun(int exitCode, String output, String errors) {

    public static CliRun in(Path project, String... args) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HARNESS_HOME", project.toString());
        CommandLine commandLine = HarnessMain.commandLine(new CliContext(environment));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The one run directory under {@code runs}; fails the test when there is none or more than one. */
    static Path onlyRunDirectory(Path runs) throws IOException {
        try (Stream<Path> listing = Files.list(runs)) {
            List<Path> directories = listing.toList();
            assertThat(directories).hasSize(1);
            return directories.getFirst();
        }
    }
}
