package dev.perfharness.jmh.suite;

/**
 * A benchmark class the suite did not run, and why ("not run: no engine").
 *
 * @param className the benchmark class
 * @param reason    why, in the words the report prints
 */
public record SkippedBenchmark(String className, String reason) {
}
