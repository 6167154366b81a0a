package dev.perfharness.sut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
        String text = Content.Source.asString(request, StandardCharsets.UTF_8);
        if (text.length() > maxBytes) {
            throw new BadRequest("body", text.length() + " bytes", "the body is above the limit of %d bytes".formatted(maxBytes));
        }
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
