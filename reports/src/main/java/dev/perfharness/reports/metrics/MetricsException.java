package dev.perfharness.reports.metrics;

/** A run's files could not be read into metrics; the message names the file and what is wrong with it. */
public final class MetricsException extends RuntimeException {
    public MetricsException(String message) {
        super(message);
    }

    public MetricsException(String message, Throwable cause) {
        super(message, cause);
    }
}
