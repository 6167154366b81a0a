package dev.perfharness.sut.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service's measurements: Micrometer meters for {@code /metrics} (Prometheus text), and
 * microsecond HdrHistograms per endpoint for {@code /internal/histograms}.
 */
public final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EndpointLatencies latencies = new EndpointLatencies();
    /** Built once per kind: fan-out serializes on every job change, and a lookup by builder costs more than the map. */
    private final Map<String, Timer> serializationTimers = new ConcurrentHashMap<>();

    public MeterRegistry registry() {
        return registry;
    }

    public EndpointLatencies latencies() {
        return latencies;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Runs {@code serializer} and records its time as {@code serialize_duration_seconds{kind}}, the
     * seed's "message serialization latency" (target &lt; 5 ms).
     */
    public <T> T timeSerialization(String kind, Supplier<T> serializer) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return serializer.get();
        } finally {
            sample.stop(serializationTimers.computeIfAbsent(kind, name -> Timer.builder("serialize.duration")
                    .description("time to turn a response or a WebSocket message into JSON")
                    .tag("kind", name)
                    .register(registry)));
        }
    }

    public void close() {
        registry.close();
    }
}
