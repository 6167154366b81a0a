package dev.perfharness.sut.http;

import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times one endpoint from the handler's entry to the completion of its response, into the
 * endpoint's HdrHistogram (microseconds) and the Micrometer timer {@code http_server_requests_seconds}.
 */
public final class MeasuredHandler extends Handler.Wrapper {
    private final String endpoint;
    private final ServiceMetrics metrics;
    /** One timer per method and status, built once: building and registering on every request is not free. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MeasuredHandler(String endpoint, ServiceMetrics metrics, Handler handler) {
        super(handler);
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        Callback measured = Callback.from(callback, () -> record(started, request, response));
        try {
            return super.handle(request, response, measured);
        } catch (Exception | Error e) {
            record(started, request, response);
            throw e;
        }
    }

    private void record(long started, Request request, Response response) {
        long nanos = System.nanoTime() - started;
        metrics.latencies().record(endpoint, nanos);
        String method = request.getMethod();
        int status = response.getStatus();
        timers.computeIfAbsent(method + ' ' + status, key -> Timer.builder("http.server.requests")
                        .description("service time per endpoint")
                        .tag("endpoint", endpoint)
                        .tag("method", method)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(metrics.registry()))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
