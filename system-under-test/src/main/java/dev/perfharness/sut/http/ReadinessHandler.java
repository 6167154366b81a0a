package dev.perfharness.sut.http;

import dev.perfharness.sut.redis.RedisConnections;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /readyz}: 200 when Redis answers PING within the readiness timeout, else 503 with the
 * reason. Asynchronous: no thread waits on Redis.
 */
public final class ReadinessHandler extends Handler.Abstract.NonBlocking {
    private final RedisConnections redis;
    private final Duration timeout;

    public ReadinessHandler(RedisConnections redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        redis.ping(timeout).whenComplete((pong, failure) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", failure == null ? "ready" : "not ready");
            body.put("redis", redis.address().toString());
            if (failure != null) {
                body.put("reason", "redis: " + describe(failure));
            }
            JsonResponse.send(response, failure == null ? 200 : 503, body, callback);
        });
        return true;
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "PING got no answer within " + timeout.toMillis() + " ms";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
