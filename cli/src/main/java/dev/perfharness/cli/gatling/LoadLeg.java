package dev.perfharness.cli.gatling;

import dev.perfharness.gatling.scenarios.Scenario;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of one scenario against one variant of the service.
 *
 * @param variant         the variant's label ({@code before}, {@code after})
 * @param serviceSettings every setting the service gets on the command line, the variant's included
 * @param knobs           the simulation's knobs as given (the run adds the service address and output folder)
 * @param directory       where everything of this run goes
 */
record LoadLeg(Scenario scenario, String variant, int repeat, Map<String, String> serviceSettings, Map<String, String> knobs,
               Path directory) {
}
