package dev.perfharness.reports.run;

/**
 * The environment a run used.
 *
 * @param name        embedded, testcontainers or external
 * @param description as the commands print it, e.g. "started for this run (embedded); it stops at the end"
 */
public record EnvironmentInfo(String name, String description) {
}
