package dev.perfharness.cli.run;

import static dev.perfharness.gatling.scenarios.Scenario.CACHE_OUTAGE;
import static dev.perfharness.gatling.scenarios.Scenario.CONNECTION_SCALE;
import static dev.perfharness.gatling.scenarios.Scenario.DASHBOARD_POLLING;
import static dev.perfharness.gatling.scenarios.Scenario.MULTI_JOB_WATCH;
import static dev.perfharness.gatling.scenarios.Scenario.POD_LOG_STREAMING;
import static dev.perfharness.gatling.scenarios.Scenario.PULL_ACTIVE_OPEN_MODEL;
import static dev.perfharness.gatling.scenarios.Scenario.SINGLE_JOB_WATCH;

import dev.perfharness.cli.gatling.ScenarioLoad;
import dev.perfharness.gatling.scenarios.Scenario;
import dev.perfharness.jmh.suite.Preset;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code harness run} runs: a JMH preset (with sizes of its own, where it has any) and the Gatling
 * scenarios at a size each, every one against the before and the after.
 *
 * <ul>
 *   <li>{@code quick}: minutes, end to end; every benchmark once, short, and the four scenarios that touch
 *       every component under load (the cache, both WebSockets, the log stream, a Redis outage), plus 1 000
 *       WebSocket connections;</li>
 *   <li>{@code ci}: the gate's samples (two forks), at the sizes the seed claims are measured at, and every
 *       scenario at a moderate size;</li>
 *   <li>{@code full}: every size of every benchmark, every scenario at its defaults;</li>
 *   <li>{@code smoke}: seconds per step, what the tests run.</li>
 * </ul>
 */
public enum RunSuite {
    SMOKE(Preset.SMOKE, Map.of(), List.of(
            load(DASHBOARD_POLLING, 0, "duration", "3", "dashboards", "10", "failedViewers", "4", "pollMillis", "200"),
            load(PULL_ACTIVE_OPEN_MODEL, 0, "duration", "3", "startRate", "20", "rateStep", "20", "levels", "2"),
            load(SINGLE_JOB_WATCH, 0, "duration", "3", "clients", "3", "subscriptions", "3"),
            load(MULTI_JOB_WATCH, 0, "duration", "3", "clients", "3", "subscriptions", "3"),
            load(POD_LOG_STREAMING, 0, "streams", "2", "lines", "2048", "lineBytes", "256"),
            load(CONNECTION_SCALE, 0, "duration", "3", "connections", "100", "ramp", "2", "jobsPerSecond", "5"),
            load(CACHE_OUTAGE, 0, "duration", "3", "dashboards", "10", "pollMillis", "200"))),
    QUICK(Preset.QUICK, Map.of(), List.of(
            load(DASHBOARD_POLLING, 3, "duration", "10"),
            // A final status lost by the simulation costs a whole watch timeout; 10 s is three simulated pulls.
            load(MULTI_JOB_WATCH, 3, "duration", "10", "watchTimeout", "10"),
            load(POD_LOG_STREAMING, 3),
            load(CACHE_OUTAGE, 3, "duration", "12"),
            // Seed 001's "1000+ concurrent connections", at its lower end.
            load(CONNECTION_SCALE, 0, "connections", "1000", "ramp", "5", "duration", "5"))),
    CI(Preset.CI, Map.of(
            // The sizes the README's seed claims are measured at (quick's, and the cache at 100 000 jobs).
            "tokenCount", new String[] {"100000"},
            "jobCount", new String[] {"100", "1000", "10000"},
            "trackerJobs", new String[] {"10000", "100000"},
            "bufferBytes", new String[] {"4096", "32768", "10485760"},
            "waitMillis", new String[] {"10"},
            "batch", new String[] {"1m+10m+50m"}), List.of(
            load(DASHBOARD_POLLING, 10, "duration", "30"),
            load(PULL_ACTIVE_OPEN_MODEL, 10, "duration", "30"),
            load(SINGLE_JOB_WATCH, 10, "duration", "30"),
            load(MULTI_JOB_WATCH, 10, "duration", "30"),
            load(POD_LOG_STREAMING, 10),
            load(CONNECTION_SCALE, 10, "connections", "2000", "ramp", "20", "duration", "30"),
            load(CACHE_OUTAGE, 10, "duration", "30"))),
    FULL(Preset.FULL, Map.of(), Arrays.stream(Scenario.values()).map(scenario -> load(scenario, 10)).toList());

    private final Preset preset;
    private final Map<String, String[]> jmhParams;
    private final List<ScenarioLoad> loads;

    RunSuite(Preset preset, Map<String, String[]> jmhParams, List<ScenarioLoad> loads) {
        this.preset = preset;
        this.jmhParams = jmhParams;
        this.loads = loads;
    }

    private static ScenarioLoad load(Scenario scenario, int warmUpSeconds, String... knobs) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < knobs.length; i += 2) {
            byName.put(knobs[i], knobs[i + 1]);
        }
        return new ScenarioLoad(scenario, byName, Duration.ofSeconds(warmUpSeconds));
    }

    /** The suite a user named, with the valid names in the error otherwise. */
    public static RunSuite named(String name) {
        for (RunSuite suite : values()) {
            if (suite.label().equals(name)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown suite '" + name + "'; choose "
                + Arrays.stream(values()).map(RunSuite::label).collect(Collectors.joining(", ")));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The JMH preset: forks, iterations and the sizes it runs by default. */
    public Preset preset() {
        return preset;
    }

    /** Sizes over the preset's, by parameter name; benchmarks without the parameter ignore it. */
    public Map<String, String[]> jmhParams() {
        return jmhParams;
    }

    /** The scenarios, in the order they run, each at this suite's size. */
    public List<ScenarioLoad> loads() {
        return loads;
    }
}
