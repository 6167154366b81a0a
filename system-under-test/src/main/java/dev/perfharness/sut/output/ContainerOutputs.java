package dev.perfharness.sut.output;

import dev.perfharness.config.OutputSettings;
import dev.perfharness.config.OutputSettings.AggregatorVariant;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the container output the {@code log-format} and {@code aggregator} settings choose. */
public final class ContainerOutputs {
    private static final Logger log = LoggerFactory.getLogger(ContainerOutputs.class);

    private ContainerOutputs() {
    }

    public static ContainerOutput create(OutputSettings settings, ServiceMetrics metrics) {
        return create(settings, metrics, Clock.systemUTC());
    }

    static ContainerOutput create(OutputSettings settings, ServiceMetrics metrics, Clock clock) {
        LineFormatter formatter = LineFormatter.of(settings.format());
        ContainerOutput output = settings.aggregator() == AggregatorVariant.ASYNC
                ? new AsyncOutput(formatter, clock, settings.batch(), settings.interval(), settings.capacity(), settings.whenFull(), metrics.registry())
                : new SyncOutput(formatter, clock, metrics.registry());
        log.atInfo().addKeyValue("format", settings.format()).addKeyValue("aggregator", settings.aggregator())
                .addKeyValue("batch", settings.batch()).addKeyValue("interval", settings.interval())
                .addKeyValue("capacity", settings.capacity()).addKeyValue("whenFull", settings.whenFull())
                .addKeyValue("linesPerSource", LineStore.MAX_LINES_PER_SOURCE).log("container output ready");
        return output;
    }
}
