package dev.perfharness.sut.http;

import dev.perfharness.sut.metrics.ServiceMetrics;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
public final class MetricsHandler extends Handler.Abstract {
    private final ServiceMetrics metrics;

    public MetricsHandler(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponse.sendText(response, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape(), callback);
        return true;
    }
}
