package dev.perfharness.sut.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
    private final List<AutoCloseable> jvmBinders = new ArrayList<>();

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

    /**
     * Adds the JVM's own meters (heap and pools, GC pauses and allocation, threads, CPU), so a load run
     * reads heap and GC figures for its window from two {@code /metrics} snapshots. Only the running
     * service binds them; components measured alone in a benchmark do not need them.
     */
    public ServiceMetrics withJvmMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        jvmBinders.add(gc);
        // Micrometer's jvm.gc.memory.allocated moves only at collections; this one moves with every allocation.
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            FunctionCounter.builder("jvm.threads.allocated", threads, com.sun.management.ThreadMXBean::getTotalThreadAllocatedBytes)
                    .baseUnit("bytes").description("bytes allocated by every thread since the start").register(registry);
        }
        JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
        pressure.bindTo(registry);
        jvmBinders.add(pressure);
        return this;
    }

    public void close() {
        for (AutoCloseable binder : jvmBinders) {
            try {
                binder.close();
            } catch (Exception e) {
                // a listener that cannot be removed dies with the JVM
            }
        }
        registry.close();
    }
}
