package dev.perfharness.cli.gatling;

import dev.perfharness.gatling.scenarios.Scenario;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario at a given size: its simulation's knobs and the warm-up before each measured run.
 *
 * @param knobs  the simulation's knobs, e.g. {@code duration=15}, {@code connections=500}
 * @param warmUp the unmeasured run's length; zero for none
 */
public record ScenarioLoad(Scenario scenario, Map<String, String> knobs, Duration warmUp) {

    public ScenarioLoad {
        knobs = Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
    }

    /** Whether the scenario stops Redis during the run, which needs an environment whose Redis the run controls. */
    public boolean stopsRedis() {
        return scenario.stopsRedis(knobs);
    }
}
