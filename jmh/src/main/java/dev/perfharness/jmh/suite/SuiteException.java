package dev.perfharness.jmh.suite;

/** The suite could not run at all (JMH refused, results could not be written); the message says why. */
public final class SuiteException extends RuntimeException {
    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }

    public SuiteException(String message) {
        super(message);
    }
}
