package dev.perfharness.sut.http;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /healthz}: the process runs and serves HTTP. Says nothing of Redis; that is {@code /readyz}. */
public final class HealthHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponse.send(response, 200, Map.of("status", "ok"), callback);
        return true;
    }
}
