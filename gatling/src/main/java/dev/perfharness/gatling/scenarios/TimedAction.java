package dev.perfharness.gatling.scenarios;

import java.time.Duration;

/**
 * Something the orchestrator does to the service's surroundings while a simulation runs, {@code at}
 * after the simulation starts.
 */
public record TimedAction(Duration at, Action action) {

    public enum Action {
        /** Stop Redis: connections to it are refused. */
        STOP_REDIS,
        /** Start Redis again, empty, on the same address. */
        START_REDIS,
        /** Read the service's heap after collection and its connection count: a stop-the-world pause, once. */
        READ_HEAP
    }
}
