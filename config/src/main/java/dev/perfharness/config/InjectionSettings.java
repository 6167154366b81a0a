package dev.perfharness.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A regression injected on purpose ({@code inject.cpu}, {@code inject.alloc}): extra work of a known size per
 * operation, so a test can show that the regression gate flags it and that an A/A comparison is not flagged.
 *
 * @param cpu         time spun per operation; zero spins none
 * @param allocBytes  bytes allocated per operation; zero allocates none
 */
public record InjectionSettings(Duration cpu, int allocBytes) {
    public static final InjectionSettings NONE = new InjectionSettings(Duration.ZERO, 0);

    /** Whether anything is injected at all. */
    public boolean active() {
        return !cpu.isZero() || allocBytes > 0;
    }

    /** As settings, key to value, the way {@code --set} takes them: {@code inject.cpu=250ns}, {@code inject.alloc=100}. */
    public Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Setting.INJECT_CPU.key(), shortest(cpu));
        settings.put(Setting.INJECT_ALLOC.key(), Integer.toString(allocBytes));
        return settings;
    }

    /** {@code inject.cpu=250ns inject.alloc=100}, for headers and log lines. */
    public String describe() {
        return asSettings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The duration in the largest unit that writes it exactly: 1ms, 2us, 250ns, 0. */
    private static String shortest(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos % 1_000 == 0 ? nanos / 1_000 + "us" : nanos + "ns";
    }
}
