package dev.perfharness.gatling.records;

/**
 * A virtual user starting or ending: a USER record of simulation.log.
 *
 * @param scenario the index of the user's scenario in {@link SimulationLog#scenarios()}
 * @param start    true when the user starts, false when it ends
 */
public record UserRecord(int scenario, boolean start, long epochMillis) {
}
