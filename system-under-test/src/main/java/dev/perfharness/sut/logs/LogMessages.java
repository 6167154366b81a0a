package dev.perfharness.sut.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON text messages of {@code /ws/pod-logs} (format in {@link PodLogStreaming}), each write timed
 * as {@code serialize_duration_seconds{kind="pod-log"}}.
 *
 * <p>A message that cannot be written is logged and skipped, as seed 000's after variant does, instead
 * of sending an empty or broken frame (the before variant's {@code payload, _ := json.Marshal}).
 *
 * <p>One per stream, so that its error logs name the stream's namespace, job and pod.
 */
final class LogMessages {
    static final String KIND = "pod-log";
    private static final Logger log = LoggerFactory.getLogger(LogMessages.class);
    private static final ObjectWriter JSON = Json.MAPPER.writer();

    record Chunk(String type, String data) {
        Chunk(String data) {
            this("log", data);
        }
    }

    record PodFound(String type, String pod) {
        PodFound(String pod) {
            this("pod", pod);
        }
    }

    record Failure(String type, String message) {
        Failure(String message) {
            this("error", message);
        }
    }

    private final ServiceMetrics metrics;
    private final PodLogRequest request;
    private volatile String pod;

    LogMessages(ServiceMetrics metrics, PodLogRequest request) {
        this.metrics = metrics;
        this.request = request;
        this.pod = request.pod().orElse("");
    }

    /** {@code {"type":"log","data":"..."}}; empty when it could not be written (logged). */
    Optional<String> chunk(String text) {
        return write(new Chunk(text));
    }

    /** {@code {"type":"pod","pod":"..."}}: the pod discovery chose. */
    Optional<String> podFound(String name) {
        pod = name;
        return write(new PodFound(name));
    }

    /** {@code {"type":"error","message":"..."}}: why the stream ends early. */
    Optional<String> failure(String message) {
        return write(new Failure(message));
    }

    private Optional<String> write(Record message) {
        try {
            return Optional.of(metrics.timeSerialization(KIND, () -> serialize(message)));
        } catch (UncheckedIOException e) {
            log.atError()
                    .addKeyValue("namespace", request.namespace())
                    .addKeyValue("job", request.job().orElse(""))
                    .addKeyValue("pod", pod)
                    .addKeyValue("message_type", message.getClass().getSimpleName())
                    .addKeyValue("error", e.getCause().toString())
                    .log("failed to marshal log message");
            return Optional.empty();
        }
    }

    private static String serialize(Record message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
