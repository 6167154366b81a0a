package dev.perfharness.jmh.suite;

import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * One benchmark method in one mode, and how many parameter combinations (one fork set each) it runs.
 *
 * @param name         the benchmark's full name, {@code dev.perfharness.jmh.output.LineFormatBenchmark.format}
 * @param mode         its JMH mode
 * @param combinations parameter combinations the preset runs
 * @param params       the values run per parameter name
 */
record PlannedBenchmark(String name, Mode mode, int combinations, Map<String, String[]> params) {

    /** {@code output.LineFormatBenchmark.format}: the name without the package every benchmark shares. */
    String shortName() {
        return SuitePlan.shortName(name);
    }
}
