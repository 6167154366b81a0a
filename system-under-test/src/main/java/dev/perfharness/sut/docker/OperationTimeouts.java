package dev.perfharness.sut.docker;

import dev.perfharness.config.DockerSettings;
import dev.perfharness.config.DockerSettings.TimeoutVariant;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each Docker call may take (seed 002): one fixed timeout for every call (its before, 10 min), or
 * one per kind of operation (its after: start 2 min, stop 30 s, pull 5 min, build 15 min, push 10 min).
 * Which operation falls in which class is {@link DockerOperation#timeoutClass()}.
 */
public final class OperationTimeouts {
    private final TimeoutVariant variant;
    private final Map<DockerOperation, Duration> timeouts;

    private OperationTimeouts(TimeoutVariant variant, Map<DockerOperation, Duration> timeouts) {
        this.variant = variant;
        this.timeouts = Collections.unmodifiableMap(timeouts);
    }

    public static OperationTimeouts from(DockerSettings.Timeouts settings) {
        Map<DockerOperation, Duration> timeouts = new EnumMap<>(DockerOperation.class);
        for (DockerOperation operation : DockerOperation.values()) {
            timeouts.put(operation, switch (settings.variant()) {
                case FIXED -> settings.fixed();
                case PER_OPERATION -> switch (operation.timeoutClass()) {
                    case START -> settings.start();
                    case STOP -> settings.stop();
                    case PULL -> settings.pull();
                    case BUILD -> settings.build();
                    case PUSH -> settings.push();
                };
            });
        }
        return new OperationTimeouts(settings.variant(), timeouts);
    }

    /** The time {@code operation} may take, from the call's start to its answer. */
    public Duration of(DockerOperation operation) {
        return timeouts.get(operation);
    }

    /** The longest of all: no call can legitimately take longer. */
    public Duration longest() {
        return timeouts.values().stream().max(Duration::compareTo).orElseThrow();
    }

    public TimeoutVariant variant() {
        return variant;
    }

    /** A duration as people write it in settings: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1m30s}. */
    static String format(Duration duration) {
        if (duration.toMillis() < 1_000) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        long millis = duration.toMillisPart();
        StringBuilder text = new StringBuilder(12);
        if (seconds >= 3_600) {
            text.append(seconds / 3_600).append('h');
        }
        if (seconds % 3_600 >= 60) {
            text.append(seconds % 3_600 / 60).append('m');
        }
        if (seconds % 60 != 0 || millis != 0) {
            text.append(seconds % 60);
            if (millis != 0) {
                text.append('.').append(String.format("%03d", millis));
            }
            text.append('s');
        }
        return text.toString();
    }
}
