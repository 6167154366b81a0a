package dev.perfharness.gatling.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a Gatling run ended.
 *
 * @param exitCode         Gatling's status: 0 passed, 2 an assertion failed, anything else a crash
 * @param resultDirectory  the folder Gatling created for the run; null when it crashed before creating one
 * @param simulationLog    the run's binary simulation.log; null when there is none (a crash, or the file
 *                         data writer switched off)
 * @param assertionResults Gatling's printed assertion lines, in order, e.g.
 *                         {@code Global: count of failed events is 0.0 : true (actual : 0.0)}; empty without assertions
 * @param consoleLog       the child's stdout and stderr; after a crash, its tail says why
 */
public record GatlingOutcome(int exitCode, Path resultDirectory, Path simulationLog, List<String> assertionResults,
                             Path consoleLog) {
    public GatlingOutcome {
        assertionResults = List.copyOf(assertionResults);
        Objects.requireNonNull(consoleLog, "consoleLog");
    }

    public boolean passed() {
        return exitCode == 0;
    }

    public boolean assertionsFailed() {
        return exitCode == 2;
    }

    public boolean crashed() {
        return !passed() && !assertionsFailed();
    }

    /** The assertion lines that say false: assertions that did not hold or could not be evaluated. */
    public List<String> failedAssertions() {
        return assertionResults.stream().filter(ConsoleAssertions::failed).toList();
    }
}
