package dev.perfharness.reports.baseline;

/** A baseline is missing, damaged or refused; the message names the baseline and the file. */
public final class BaselineException extends RuntimeException {
    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
