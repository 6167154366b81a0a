package dev.perfharness.cli;

import dev.perfharness.cli.profile.ProfileCommand;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.jmh.suite.JmhSuite;
import dev.perfharness.jmh.suite.Preset;
import dev.perfharness.jmh.suite.SuiteOutcome;
import dev.perfharness.jmh.suite.SuitePlan;
import dev.perfharness.jmh.suite.SuiteRequest;
import dev.perfharness.jmh.support.Backend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command asks of the JMH suite, and the suite run on the command's environment into its run
 * directory with the outcome printed. {@code harness jmh} and {@code harness run} both run it through here.
 *
 * @param includes regular expressions over full benchmark names; empty for all
 * @param params   parameter values by name, over the preset's
 * @param profile  also a flame graph pass into {@code flames/}
 */
public record JmhSelection(Preset preset, List<String> includes, Map<String, String[]> params, boolean profile) {

    public JmhSelection {
        includes = List.copyOf(includes);
        params = Map.copyOf(params);
    }

    /**
     * The plan with these servers.
     *
     * @throws IllegalArgumentException naming a bad pattern or parameter, or when nothing is selected
     */
    public SuitePlan plan(Set<Backend> available) {
        return SuitePlan.of(preset, includes, params, available);
    }

    /** Runs the suite on the environment's servers into {@code runDirectory} and prints where its results went. */
    public SuiteOutcome run(EnvironmentLease environment, Path runDirectory, HarnessSettings settings, PrintWriter out) {
        // --set inject.cpu=... / inject.alloc=...: a regression of known size in every fork, for testing the gate.
        SuiteRequest request = new SuiteRequest(preset, includes, params, Backend.addressesIn(environment.endpoints()), settings.injection(),
                runDirectory, profile, ProfileCommand.libraryCache(settings));
        SuiteOutcome outcome = JmhSuite.run(request, out);
        out.printf("results: %s%n", outcome.results());
        outcome.flames().ifPresent(flames -> {
            out.printf("flame graphs: %s (cpu sampled by %s)%n", flames.directory(), flames.cpuSampling());
            flames.problems().forEach(problem -> out.printf("  %s%n", problem));
        });
        outcome.failed().forEach(failed -> out.printf("FAILED: %s; see %s%n", failed, outcome.log()));
        out.flush();
        return outcome;
    }
}
