package dev.perfharness.sut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a response body with a status code; the one way handlers answer. None is ever cached. */
public final class JsonResponse {
    private static final String JSON = MimeTypes.Type.APPLICATION_JSON_UTF_8.asString();

    private JsonResponse() {
    }

    public static void send(Response response, int status, Object body, Callback callback) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        write(response, status, JSON, bytes, callback);
    }

    /** Writes a body that is JSON already (a cached response), byte for byte. */
    public static void sendRaw(Response response, int status, String json, Callback callback) {
        write(response, status, JSON, json.getBytes(StandardCharsets.UTF_8), callback);
    }

    /** Writes a plain-text body (Prometheus exposition, HdrHistogram logs). */
    public static void sendText(Response response, String contentType, String text, Callback callback) {
        write(response, 200, contentType, text.getBytes(StandardCharsets.UTF_8), callback);
    }

    /** A 400 that names the offending parameter and value. */
    public static void badRequest(Response response, BadRequest problem, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.getMessage());
        body.put("parameter", problem.parameter());
        body.put("value", problem.value());
        send(response, 400, body, callback);
    }

    private static void write(Response response, int status, String contentType, byte[] body, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
