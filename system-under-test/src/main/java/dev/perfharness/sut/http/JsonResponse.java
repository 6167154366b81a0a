package dev.perfharness.sut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a response body with a status code; the one way handlers answer. */
public final class JsonResponse {
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
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
    }

    /** Writes a body that is JSON already (a cached response), byte for byte. */
    public static void sendRaw(Response response, int status, String json, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    }

    /** Writes a plain-text body (Prometheus exposition, HdrHistogram logs) that must never be cached. */
    public static void sendText(Response response, String contentType, String text, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    }

    /** A 400 that names the offending parameter and value. */
    public static void badRequest(Response response, BadRequest problem, Callback callback) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", problem.getMessage());
        body.put("parameter", problem.parameter());
        body.put("value", problem.value());
        send(response, 400, body, callback);
    }
}
