package dev.perfharness.sut;

/** The reference service cannot start or run as configured. */
public final class ServiceException extends RuntimeException {
    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
