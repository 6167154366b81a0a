package dev.perfharness.jmh.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a suite run produced.
 *
 * @param plan      what it set out to do, including the classes it did not run and why
 * @param results   the JMH JSON, every fork's and iteration's samples
 * @param completed benchmark variants with a result
 * @param failed    benchmark variants that ran and failed (their stack traces are in the JMH log)
 * @param log       JMH's own full output
 * @param flames    the flame graphs' folder and how they were sampled, when profiling was asked for
 */
public record SuiteOutcome(SuitePlan plan, Path results, int completed, List<String> failed, Path log,
                           Optional<FlameGraphs> flames) {

    public SuiteOutcome {
        failed = List.copyOf(failed);
    }

    public boolean succeeded() {
        return failed.isEmpty() && completed == plan.combinations() && flames.map(FlameGraphs::complete).orElse(true);
    }
}
