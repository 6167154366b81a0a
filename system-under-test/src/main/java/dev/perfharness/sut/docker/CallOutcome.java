package dev.perfharness.sut.docker;

import java.util.Locale;

/** How one Docker call ended: the {@code outcome} tag of {@code docker.calls}. */
enum CallOutcome {
    SUCCESS,
    ENGINE_ERROR,
    TIMEOUT,
    UNREACHABLE,
    CIRCUIT_OPEN,
    BULKHEAD_FULL,
    CANCELLED;

    static CallOutcome of(DockerApiException.Reason reason) {
        return switch (reason) {
            case ENGINE_ERROR -> ENGINE_ERROR;
            case TIMEOUT -> TIMEOUT;
            case UNREACHABLE -> UNREACHABLE;
            case CIRCUIT_OPEN -> CIRCUIT_OPEN;
            case BULKHEAD_FULL -> BULKHEAD_FULL;
            case CANCELLED -> CANCELLED;
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
