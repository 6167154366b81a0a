package dev.perfharness.sut.logs;

/** A log backend could not answer: unreachable, refused, or the pod or container does not exist. */
public final class LogSourceException extends RuntimeException {
    public LogSourceException(String message) {
        super(message);
    }

    public LogSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
