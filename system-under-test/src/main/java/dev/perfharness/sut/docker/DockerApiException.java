package dev.perfharness.sut.docker;

/** A Docker call that failed, timed out, or was refused before it reached the engine. */
public final class DockerApiException extends RuntimeException {

    /** Why the call did not succeed. */
    public enum Reason {
        /** The engine answered with an error (e.g. no such image). */
        ENGINE_ERROR,
        /** No answer within the operation's timeout. */
        TIMEOUT,
        /** The engine could not be reached. */
        UNREACHABLE,
        /** The circuit breaker is open: failing fast without calling the engine. */
        CIRCUIT_OPEN,
        /** The bulkhead is full: too many calls in flight. */
        BULKHEAD_FULL,
        /** The caller was interrupted (a shutdown cancelling its work) before the answer came; the call was abandoned. */
        CANCELLED
    }

    private final DockerOperation operation;
    private final Reason reason;

    public DockerApiException(DockerOperation operation, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.reason = reason;
    }

    public DockerOperation operation() {
        return operation;
    }

    public Reason reason() {
        return reason;
    }
}
