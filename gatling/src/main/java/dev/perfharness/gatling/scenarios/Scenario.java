package dev.perfharness.gatling.scenarios;

import dev.perfharness.gatling.scenarios.TimedAction.Action;
import dev.perfharness.gatling.simulations.CacheOutage;
import dev.perfharness.gatling.simulations.ConnectionScale;
import dev.perfharness.gatling.simulations.DashboardPolling;
import dev.perfharness.gatling.simulations.MultiJobWatch;
import dev.perfharness.gatling.simulations.PodLogStreaming;
import dev.perfharness.gatling.simulations.PullActiveOpenModel;
import dev.perfharness.gatling.simulations.SingleJobWatch;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every simulation the harness runs, with what it needs from the service and from the orchestrator:
 * the service settings it depends on (beyond the variant's), the actions taken at set times during the
 * run, and how long it lasts for a given set of knobs (the same defaults the simulation reads).
 */
public enum Scenario {
    DASHBOARD_POLLING(DashboardPolling.class, 60),
    PULL_ACTIVE_OPEN_MODEL(PullActiveOpenModel.class, 50),
    // A watch started last runs a simulated pull (puller.duration, 3 s) past the duration.
    SINGLE_JOB_WATCH(SingleJobWatch.class, 60, Duration.ofSeconds(3)),
    MULTI_JOB_WATCH(MultiJobWatch.class, 60, Duration.ofSeconds(3)),
    POD_LOG_STREAMING(PodLogStreaming.class, 0) {
        @Override
        public Map<String, String> serviceSettings(Map<String, String> knobs) {
            // The whole log, unthrottled, of the size the clients expect; within the after variant's tail limit.
            return Map.of("logs.source", "synthetic", "logs.synthetic-rate", "0",
                    "logs.synthetic-lines", knob(knobs, "lines", 8192), "logs.synthetic-line-bytes", knob(knobs, "lineBytes", 512));
        }

        @Override
        public Duration expectedLength(Map<String, String> knobs) {
            return Duration.ofSeconds(Long.parseLong(knob(knobs, "streamTimeout", 120)));
        }

        @Override
        public Duration plannedLength(Map<String, String> knobs) {
            // The streams run side by side at several MB/s each (8 MB/s measured on 2 cores); a second to connect.
            long bytes = Long.parseLong(knob(knobs, "lines", 8192)) * Long.parseLong(knob(knobs, "lineBytes", 512));
            return Duration.ofSeconds(1 + bytes / 4_000_000);
        }

        @Override
        public Map<String, String> warmUpKnobs(Map<String, String> knobs, Duration length) {
            Map<String, String> warmUp = new LinkedHashMap<>(knobs);
            warmUp.put("streams", "2");
            return warmUp;
        }
    },
    CONNECTION_SCALE(ConnectionScale.class, 60) {
        @Override
        public Map<String, String> serviceSettings(Map<String, String> knobs) {
            // Ten steps of one second: each watched job sends about one update per second.
            return Map.of("puller.duration", "10s");
        }

        @Override
        public List<TimedAction> actions(Map<String, String> knobs) {
            Duration ramp = Duration.ofSeconds(Long.parseLong(knob(knobs, "ramp", 60)));
            // Half way through the hold: every connection is open and none has started to close.
            return List.of(new TimedAction(ramp.plus(duration(knobs).dividedBy(2)), Action.READ_HEAP));
        }

        @Override
        public Duration expectedLength(Map<String, String> knobs) {
            return duration(knobs).plusSeconds(Long.parseLong(knob(knobs, "ramp", 60)) + Long.parseLong(knob(knobs, "watchTimeout", 30)));
        }

        @Override
        public Duration plannedLength(Map<String, String> knobs) {
            // After the hold, each connection watches its last job (ten steps of one second) to its end.
            return duration(knobs).plusSeconds(Long.parseLong(knob(knobs, "ramp", 60)) + 10);
        }

        @Override
        public Map<String, String> warmUpKnobs(Map<String, String> knobs, Duration length) {
            Map<String, String> warmUp = super.warmUpKnobs(knobs, length);
            warmUp.put("connections", "200");
            warmUp.put("ramp", "1");
            return warmUp;
        }
    },
    CACHE_OUTAGE(CacheOutage.class, 30) {
        @Override
        public List<TimedAction> actions(Map<String, String> knobs) {
            Duration third = duration(knobs).dividedBy(3);
            return List.of(new TimedAction(third, Action.STOP_REDIS), new TimedAction(third.multipliedBy(2), Action.START_REDIS));
        }
    };

    private final Class<? extends Simulation> simulation;
    private final int defaultSeconds;
    private final Duration tail;

    Scenario(Class<? extends Simulation> simulation, int defaultSeconds) {
        this(simulation, defaultSeconds, Duration.ZERO);
    }

    /** @param tail how long the load goes on after its duration, in a run that goes well */
    Scenario(Class<? extends Simulation> simulation, int defaultSeconds, Duration tail) {
        this.simulation = simulation;
        this.defaultSeconds = defaultSeconds;
        this.tail = tail;
    }

    /** The simulation's class name, which is also the scenario's name on the command line. */
    public String displayName() {
        return simulation.getSimpleName();
    }

    public String simulationClass() {
        return simulation.getName();
    }

    /** Service settings this scenario needs on both sides, on top of the variant's. */
    public Map<String, String> serviceSettings(Map<String, String> knobs) {
        return Map.of();
    }

    /** What the orchestrator does during the run, in order. */
    public List<TimedAction> actions(Map<String, String> knobs) {
        return List.of();
    }

    /** Whether the scenario stops Redis during the run, which needs an environment whose Redis the run controls. */
    public boolean stopsRedis(Map<String, String> knobs) {
        return actions(knobs).stream().anyMatch(action -> action.action() == Action.STOP_REDIS);
    }

    /**
     * Knobs of a short run before the measured one, on the same service JVM, so that the measured run
     * meets compiled code and sized pools rather than the JIT's first minutes.
     */
    public Map<String, String> warmUpKnobs(Map<String, String> knobs, Duration length) {
        Map<String, String> warmUp = new LinkedHashMap<>(knobs);
        warmUp.put("duration", Long.toString(Math.max(1, length.toSeconds())));
        return warmUp;
    }

    /** How long the load lasts with these knobs, before Gatling's own start and stop. */
    public Duration expectedLength(Map<String, String> knobs) {
        return duration(knobs).plusSeconds(30);
    }

    /**
     * How long the load should last with these knobs, for time estimates: {@link #expectedLength} is the
     * longest a run may take before it is given up, this is what a run that goes well takes.
     */
    public Duration plannedLength(Map<String, String> knobs) {
        return duration(knobs).plus(tail);
    }

    Duration duration(Map<String, String> knobs) {
        return Duration.ofSeconds(Long.parseLong(knob(knobs, "duration", defaultSeconds)));
    }

    static String knob(Map<String, String> knobs, String name, int defaultValue) {
        return knobs.getOrDefault(name, Integer.toString(defaultValue));
    }

    /**
     * The scenarios named, in the order given, by simulation name ({@code DashboardPolling}) in any case.
     *
     * @throws IllegalArgumentException naming an unknown scenario and listing the known ones
     */
    public static List<Scenario> named(String commaSeparated) {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        for (Scenario scenario : values()) {
            byName.put(scenario.displayName().toLowerCase(Locale.ROOT), scenario);
        }
        List<Scenario> chosen = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> {
                    Scenario scenario = byName.get(name.toLowerCase(Locale.ROOT));
                    if (scenario == null) {
                        throw new IllegalArgumentException("unknown scenario \"%s\"; known: %s".formatted(name,
                                Arrays.stream(values()).map(Scenario::displayName).collect(Collectors.joining(", "))));
                    }
                    return scenario;
                })
                .distinct()
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no scenario named in \"" + commaSeparated + "\"");
        }
        return chosen;
    }
}
