package dev.perfharness.sut.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves an endpoint whose backend this environment lacks (no Docker engine): 503 with the reason,
 * so a scenario reports "not run" instead of failing obscurely.
 */
public final class UnavailableHandler extends Handler.Abstract.NonBlocking {
    private final String reason;

    public UnavailableHandler(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("path", request.getHttpURI().getPath());
        JsonResponse.send(response, 503, body, callback);
        return true;
    }
}
