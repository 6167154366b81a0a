package dev.perfharness.reports.targets;

/** A targets file cannot be read or a target in it is invalid; the message names the file and the target. */
public final class TargetsException extends RuntimeException {
    public TargetsException(String message) {
        super(message);
    }

    public TargetsException(String message, Throwable cause) {
        super(message, cause);
    }
}
