package dev.perfharness.sut.containers;

import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The worker pool's meters: {@code container.runs.queue.depth} (gauge: runs waiting for a worker),
 * {@code container.runs{outcome}} (counter of ended runs), {@code container.run.duration{outcome}} (timer:
 * start to end, on a worker), {@code container.run.queue.wait} (timer: submission to start) and
 * {@code container.runs.rejected{reason}} (counter: queue full or shutting down).
 */
final class RunMetrics {
    private final MeterRegistry registry;
    private final Gauge queueDepth;

    RunMetrics(ServiceMetrics metrics, WorkerPool pool) {
        this.registry = metrics.registry();
        this.queueDepth = Gauge.builder("container.runs.queue.depth", pool, WorkerPool::waiting)
                .description("container runs accepted and waiting for a worker")
                .register(registry);
        for (RunStatus outcome : RunStatus.values()) {
            if (outcome.terminal()) {
                runs(outcome);
            }
        }
        for (WorkRejected.Why why : WorkRejected.Why.values()) {
            rejected(why);
        }
    }

    void ended(RunStatus outcome, Duration runTime) {
        runs(outcome).increment();
        if (runTime != null) {
            Timer.builder("container.run.duration")
                    .description("container runs from start to end on a worker")
                    .tag("outcome", outcome.label())
                    .register(registry)
                    .record(runTime);
        }
    }

    void started(Duration queueWait) {
        Timer.builder("container.run.queue.wait")
                .description("container runs from submission to start")
                .register(registry)
                .record(queueWait);
    }

    void refused(WorkRejected.Why why) {
        rejected(why).increment();
    }

    void close() {
        registry.remove(queueDepth);
    }

    private Counter runs(RunStatus outcome) {
        return Counter.builder("container.runs")
                .description("container runs that ended, by outcome")
                .tag("outcome", outcome.label())
                .register(registry);
    }

    private Counter rejected(WorkRejected.Why why) {
        return Counter.builder("container.runs.rejected")
                .description("container runs refused at submission")
                .tag("reason", why.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }
}
