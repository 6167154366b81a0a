package dev.perfharness.jmh.support;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.SettingsLoader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings for a benchmark: the service's defaults plus the variant under test, given the way a user
 * gives them ({@code tokens=caffeine}), so a benchmark builds its component through the same factory
 * and the same validation as the running service.
 */
public final class BenchmarkSettings {
    private BenchmarkSettings() {
    }

    /** Defaults with {@code keysAndValues} (key, value, key, value, ...) on top; no file or environment is read. */
    public static HarnessSettings with(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key/value pairs, got " + keysAndValues.length + " strings");
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            flags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SettingsLoader.of(Map.of(), flags).load();
    }

    /** A variant constant as a setting value: {@code PER_TOKEN_TIMER} becomes {@code per-token-timer}. */
    public static String label(Enum<?> variant) {
        return variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
