package dev.perfharness.reports.baseline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A saved baseline: a directory with the run's standard files and {@code baseline.json}, which lists
 * every file with its size and SHA-256 so a damaged or half-copied baseline is caught before it is read.
 *
 * @param name       its name, or the directory's when given as a path
 * @param directory  where it lives
 * @param savedAt    when it was saved
 * @param sourceRun  the run directory it was saved from
 * @param commit     the git commit of that run, when known
 * @param files      relative path to its size and digest
 */
public record Baseline(String name, Path directory, Instant savedAt, String sourceRun, String commit, Map<String, FileDigest> files) {
    public record FileDigest(long bytes, String sha256) {
    }
}
