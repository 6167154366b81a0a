package dev.perfharness.env;

/** An environment that cannot start or be reached; the message says what to do about it. */
public final class EnvironmentException extends RuntimeException {
    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
