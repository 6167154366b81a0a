package dev.perfharness.gatling.records;

import java.util.List;
import java.util.Objects;

/**
 * One response as Gatling logged it: a REQUEST record of simulation.log. Gatling's times are whole
 * milliseconds, so {@link #responseMillis()} has no finer resolution.
 *
 * @param groups  the enclosing groups, outermost first; empty outside any group
 * @param ok      false for a KO (a failed check, an error status, a timeout)
 * @param message why it failed; empty for an OK response
 */
public record RequestRecord(List<String> groups, String name, long startEpochMillis, long endEpochMillis,
                            boolean ok, String message) {
    public RequestRecord {
        groups = List.copyOf(groups);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /** Gatling's response time: end minus start, in milliseconds. */
    public long responseMillis() {
        return endEpochMillis - startEpochMillis;
    }
}
