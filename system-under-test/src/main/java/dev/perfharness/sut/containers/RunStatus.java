package dev.perfharness.sut.containers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a container run is: waiting for a worker, on one, or ended (and how). */
public enum RunStatus {
    QUEUED,
    RUNNING,
    /** The container ran and exited with code 0. */
    COMPLETED,
    /** The command exited non-zero, or a Docker call failed; {@code error} says which. */
    FAILED,
    /** Never started, or stopped, because the service shut down; {@code error} says when. */
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
