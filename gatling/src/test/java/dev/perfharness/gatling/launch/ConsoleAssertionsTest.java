package dev.perfharness.gatling.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleAssertionsTest {
    @Test
    void takesTheResultLinesPrintedAfterTheLogWasReadBack() {
        List<String> console = List.of(
                "> fast                                   : true (actual : 3.0)",
                "Parsing log file(s)...",
                "Parsing log file(s) done in 0s.",
                "Generating reports...",
                "Reports generated, please open the following file: file:///tmp/r/index.html",
                "Global: count of failed events is less than or equal to 0 : false (actual : 13)",
                "fast: percentage of successful events is 100.0 : true (actual : 100.0)",
                "grp / flaky page: max of response time is less than 10000 : false (Could not find stats matching assertion path List(grp))");

        assertThat(ConsoleAssertions.parse(console)).containsExactly(
                "Global: count of failed events is less than or equal to 0 : false (actual : 13)",
                "fast: percentage of successful events is 100.0 : true (actual : 100.0)",
                "grp / flaky page: max of response time is less than 10000 : false (Could not find stats matching assertion path List(grp))");
    }

    @Test
    void findsNoneWhenGatlingNeverReadTheLogBack() {
        assertThat(ConsoleAssertions.parse(List.of("Simulation sim.S completed in 2 seconds",
                "Global: count of failed events is 0 : true (actual : 0)"))).isEmpty();
    }

    @Test
    void anOutcomeNamesTheAssertionsThatDidNotHoldOrCouldNotBeEvaluated() {
        GatlingOutcome outcome = new GatlingOutcome(2, Path.of("results"), Path.of("results/simulation.log"), List.of(
                "Global: count of failed events is 0.0 : false (actual : 4.0)",
                "fast: percentage of successful events is 100.0 : true (actual : 100.0)",
                "grp / page: max of response time is less than 10000 : false (Could not find stats matching assertion path List(grp))"),
                Path.of("results/gatling.log"));

        assertThat(outcome.failedAssertions()).containsExactly(
                "Global: count of failed events is 0.0 : false (actual : 4.0)",
                "grp / page: max of response time is less than 10000 : false (Could not find stats matching assertion path List(grp))");
    }
}
