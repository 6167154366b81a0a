package dev.perfharness.sut.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.util.Locale;

/** What the engine said when a call failed, in its own words rather than docker-java's wrapping. */
final class EngineMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] UNREACHABLE = {
        "connection refused", "no such host", "i/o timeout", "network is unreachable", "no route to host",
    };

    private EngineMessages() {
    }

    /**
     * The engine's {@code message} when a {@link DockerException} is in the chain (docker-java puts the
     * response body, {@code {"message":"..."}}, in its message), else the deepest message there is.
     */
    static String describe(Throwable failure) {
        String deepest = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DockerException engine) {
                return bodyMessage(engine);
            }
            if (cause.getMessage() != null) {
                deepest = cause.getMessage();
            }
        }
        return deepest != null ? deepest : failure.getClass().getSimpleName();
    }

    /** Whether the engine's words say it could not reach the other end at all. */
    static boolean unreachable(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String sign : UNREACHABLE) {
            if (lower.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    private static String bodyMessage(DockerException engine) {
        String text = engine.getMessage() == null ? "" : engine.getMessage();
        int body = text.indexOf('{');
        if (body >= 0) {
            try {
                JsonNode message = JSON.readTree(text.substring(body)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // Not the engine's JSON: its words as docker-java gave them.
            }
        }
        return text.strip();
    }
}
