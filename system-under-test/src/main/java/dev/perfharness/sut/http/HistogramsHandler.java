package dev.perfharness.sut.http;

import dev.perfharness.sut.metrics.EndpointLatencies;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /internal/histograms}: per-endpoint interval histograms since the previous call, as an
 * HdrHistogram log (microseconds, one tagged line per endpoint). Each call starts a new interval, so
 * one collector should poll it; two would split the intervals between them.
 */
public final class HistogramsHandler extends Handler.Abstract {
    private final EndpointLatencies latencies;

    public HistogramsHandler(EndpointLatencies latencies) {
        this.latencies = latencies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponse.sendText(response, "text/plain; charset=utf-8", latencies.intervalLog(), callback);
        return true;
    }
}
