package dev.perfharness.sut.docker;

import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every Docker call leaves behind, in both client variants:
 * <ul>
 *   <li>{@code docker.calls{operation,outcome}}: a Micrometer timer (Prometheus {@code docker_calls_seconds});</li>
 *   <li>an HdrHistogram {@code Recorder} per operation, in microseconds, tagged {@code docker.<operation>} in
 *       {@code /internal/histograms}: the distribution the seed's "-40 % Docker API latency" is judged on;</li>
 *   <li>{@code docker.calls.refused{by=breaker|bulkhead}}: calls the pooled client refused without calling
 *       the engine (the per-call client never refuses, so its counters stay at zero).</li>
 * </ul>
 * The histograms hold calls that reached the engine; refused calls would only add near-zero values that hide
 * the engine's latency.
 */
final class DockerCallMetrics {
    static final String CALLS = "docker.calls";
    static final String REFUSED = "docker.calls.refused";

    private final ServiceMetrics metrics;
    private final Map<DockerOperation, Map<CallOutcome, Timer>> timers = new EnumMap<>(DockerOperation.class);
    private final Counter refusedByBreaker;
    private final Counter refusedByBulkhead;
    private final List<Meter> registered = new ArrayList<>();

    DockerCallMetrics(ServiceMetrics metrics) {
        this.metrics = metrics;
        MeterRegistry registry = metrics.registry();
        for (DockerOperation operation : DockerOperation.values()) {
            Map<CallOutcome, Timer> byOutcome = new EnumMap<>(CallOutcome.class);
            for (CallOutcome outcome : CallOutcome.values()) {
                // Registered up front: the hot path then only looks up an EnumMap.
                byOutcome.put(outcome, Timer.builder(CALLS)
                        .description("Docker API calls by operation and how they ended")
                        .tag("operation", operation.label())
                        .tag("outcome", outcome.label())
                        .register(registry));
            }
            timers.put(operation, byOutcome);
        }
        refusedByBreaker = Counter.builder(REFUSED)
                .description("Docker calls refused without reaching the engine")
                .tag("by", "breaker")
                .register(registry);
        refusedByBulkhead = Counter.builder(REFUSED)
                .description("Docker calls refused without reaching the engine")
                .tag("by", "bulkhead")
                .register(registry);
    }

    /** A call that reached the engine (or tried to) and ended with {@code outcome} after {@code nanos}. */
    void called(DockerOperation operation, CallOutcome outcome, long nanos) {
        timers.get(operation).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        metrics.latencies().record("docker." + operation.label(), nanos);
    }

    /** A call the pooled client refused: breaker open or bulkhead full. */
    void refused(DockerOperation operation, CallOutcome outcome) {
        timers.get(operation).get(outcome).record(0, TimeUnit.NANOSECONDS);
        (outcome == CallOutcome.CIRCUIT_OPEN ? refusedByBreaker : refusedByBulkhead).increment();
    }

    MeterRegistry registry() {
        return metrics.registry();
    }

    /**
     * Keeps a gauge to remove when the client closes: a gauge reads a live object (the breaker, the pool), and
     * a closed client should leave no gauge reading it behind. Counters and timers stay: they are history.
     */
    <M extends Meter> M gauge(M gauge) {
        registered.add(gauge);
        return gauge;
    }

    void removeGauges() {
        registered.forEach(metrics.registry()::remove);
        registered.clear();
    }
}
