package dev.perfharness.sut.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import dev.perfharness.sut.http.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever a docker-java call threw into a {@link DockerApiException} with its {@link Reason} and a
 * message that names the operation and the engine's address.
 *
 * <p>docker-java reports an engine's answer as a {@link DockerException} (with the HTTP status), but a
 * transport failure as a {@code RuntimeException} wrapping the {@link IOException}: the cause chain, not the
 * outer type, says whether the engine was unreachable or silent.
 */
final class DockerFailures {
    private final String engine;

    DockerFailures(String engine) {
        this.engine = engine;
    }

    DockerApiException timedOut(DockerOperation operation, Duration timeout, Throwable cause) {
        return new DockerApiException(operation, Reason.TIMEOUT, "docker %s got no answer from %s within %s (its timeout)"
                .formatted(operation.label(), engine, OperationTimeouts.format(timeout)), cause);
    }

    DockerApiException cancelled(DockerOperation operation, Throwable cause) {
        return new DockerApiException(operation, Reason.CANCELLED,
                "docker %s at %s was abandoned: the calling thread was interrupted".formatted(operation.label(), engine), cause);
    }

    DockerApiException circuitOpen(DockerOperation operation, int failures, Duration openFor, Throwable cause) {
        return new DockerApiException(operation, Reason.CIRCUIT_OPEN,
                "docker %s refused: the circuit breaker for %s is open after %d consecutive failures, and lets a trial call through %s after opening"
                        .formatted(operation.label(), engine, failures, OperationTimeouts.format(openFor)), cause);
    }

    DockerApiException bulkheadFull(DockerOperation operation, int limit, Throwable cause) {
        return new DockerApiException(operation, Reason.BULKHEAD_FULL,
                "docker %s refused: %d calls to %s are in flight already (docker.bulkhead=%d)"
                        .formatted(operation.label(), limit, engine, limit), cause);
    }

    /** What {@code failure}, thrown by the call itself, means. */
    DockerApiException map(DockerOperation operation, Duration timeout, Throwable failure) {
        if (failure instanceof DockerApiException known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return timedOut(operation, timeout, failure);
        }
        if (failure instanceof DockerException answered) {
            return new DockerApiException(operation, Reason.ENGINE_ERROR, "docker %s failed at %s: the engine answered %d: %s"
                    .formatted(operation.label(), engine, answered.getHttpStatus(), engineMessage(answered)), failure);
        }
        if (failure instanceof InterruptedException || find(failure, ClosedByInterruptException.class) != null) {
            return cancelled(operation, failure);
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return timedOut(operation, timeout, failure);
        }
        IOException io = find(failure, IOException.class);
        if (io != null && !(io instanceof InterruptedIOException)) {
            return new DockerApiException(operation, Reason.UNREACHABLE, "docker %s could not reach the engine at %s: %s"
                    .formatted(operation.label(), engine, describe(io)), failure);
        }
        // docker-java's own errors (DockerClientException: an answer it could not use) and anything else the call threw.
        return new DockerApiException(operation, Reason.ENGINE_ERROR, "docker %s failed at %s: %s"
                .formatted(operation.label(), engine, describe(failure)), failure);
    }

    /** The engine's own words: docker-java's message is {@code Status 404: {"message":"..."}}. */
    private static String engineMessage(DockerException answered) {
        String text = String.valueOf(answered.getMessage()).strip();
        int json = text.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode message = Json.MAPPER.readTree(text.substring(json)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException e) {
                // Not JSON after all: keep docker-java's text.
            }
        }
        return text;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : failure.getClass().getSimpleName() + ": " + message;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
