package dev.perfharness.cli.gatling;

import dev.perfharness.gatling.scenarios.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One run of one scenario against one variant of the service.
 *
 * @param variant         the variant's label ({@code before}, {@code after})
 * @param serviceSettings every setting the service gets on the command line, the variant's included
 * @param knobs           the simulation's knobs as given (the run adds the service address and output folder)
 * @param warmUp          how long the unmeasured run before it lasts; zero for none
 * @param directory       where everything of this run goes
 */
public record LoadLeg(Scenario scenario, String variant, int repeat, Map<String, String> serviceSettings, Map<String, String> knobs,
                      Duration warmUp, Path directory) {
    /** A service JVM's start and stop, as measured on 2 cores. */
    private static final Duration SERVICE_START = Duration.ofSeconds(3);
    /** A Gatling JVM's start, its report and its stop. */
    private static final Duration GATLING_RUN = Duration.ofSeconds(3);

    /** {@code MultiJobWatch before}. */
    public String name() {
        return scenario.displayName() + " " + variant;
    }

    /** What the leg should take when it goes well: the service's start, the warm-up run, the measured run. */
    public Duration plannedTime() {
        Duration planned = SERVICE_START.plus(GATLING_RUN).plus(scenario.plannedLength(knobs));
        if (!warmUp.isZero()) {
            planned = planned.plus(GATLING_RUN).plus(scenario.plannedLength(scenario.warmUpKnobs(knobs, warmUp)));
        }
        return planned;
    }
}
