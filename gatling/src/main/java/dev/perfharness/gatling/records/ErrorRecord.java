package dev.perfharness.gatling.records;

import java.util.Objects;

/**
 * An error Gatling logged outside any response (a crashed request, e.g. a WebSocket closed while
 * crashed): an ERROR record of simulation.log. Failed responses are {@link RequestRecord}s with
 * {@code ok == false}, not these.
 */
public record ErrorRecord(String message, long epochMillis) {
    public ErrorRecord {
        Objects.requireNonNull(message, "message");
    }
}
