package dev.perfharness.sut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads the small JSON request bodies of the API; every refusal is a {@link BadRequest} naming what was wrong. */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** The body as a JSON object, at most {@code maxBytes} long. */
    public static JsonNode object(Request request, int maxBytes, String example) throws IOException {
        long declared = request.getLength();
        if (declared > maxBytes) {
            throw new BadRequest("body", declared + " bytes", "the body of %d bytes is above the limit of %d".formatted(declared, maxBytes));
        }
        String text = bounded(request, maxBytes);
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("body", abbreviate(text), "the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("body", abbreviate(text), "the body must be a JSON object, e.g. " + example);
        }
        return body;
    }

    /**
     * The body as text, reading at most one byte past {@code maxBytes}: a chunked body declares no
     * length, and must not be read whole into memory before it is found too large.
     */
    public static String bounded(Request request, int maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new BadRequest("body", "more than " + maxBytes + " bytes", "the body is above the limit of %d bytes".formatted(maxBytes));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A required string field. */
    public static String text(JsonNode body, String field, String example) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequest(field, null, field + " is required, e.g. " + example);
        }
        if (!value.isTextual()) {
            throw new BadRequest(field, value.toString(), field + " must be a string, got " + abbreviate(value.toString()));
        }
        return value.asText();
    }

    /** At most 100 characters of {@code text}, for echoing a bad value in an error. */
    public static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
