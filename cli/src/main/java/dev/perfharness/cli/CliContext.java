package dev.perfharness.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command needs from the world outside the JVM: the process environment (read once, here) and
 * the project folder. Tests build one with their own values.
 *
 * @param environment the process environment, handed to the settings loader
 */
public record CliContext(Map<String, String> environment) {

    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** The project folder: {@code HARNESS_HOME} as set by bin/harness, else the working folder. */
    public Path projectDir() {
        String home = environment.get("HARNESS_HOME");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }
}
