package dev.perfharness.jmh.support;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.config.SettingsLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settings for a benchmark: the service's defaults plus the variant under test, given the way a user
 * gives them ({@code tokens=caffeine}), so a benchmark builds its component through the same factory
 * and the same validation as the running service.
 *
 * <p>The one thing a fork takes from outside is a regression injected on purpose ({@code inject.cpu},
 * {@code inject.alloc}): the suite hands it to every fork as system properties ({@link #forkArguments}),
 * and every benchmark that builds its component from these settings injects it.
 */
public final class BenchmarkSettings {
    /** The system properties that carry settings into a fork: {@code -Dperfharness.bench.inject.cpu=200ns}. */
    private static final String FORK_PROPERTY_PREFIX = "perfharness.bench.";

    /** The settings a fork takes from the suite. */
    private static final List<String> FORK_SETTINGS = List.copyOf(InjectionSettings.NONE.asSettings().keySet());

    private BenchmarkSettings() {
    }

    /** Defaults, the injection the suite handed this fork, then {@code keysAndValues} (key, value, key, value, ...) on top. */
    public static HarnessSettings with(String... keysAndValues) {
        return with(System::getProperty, keysAndValues);
    }

    /** {@link #with(String...)} with the fork's system properties read from {@code forkProperties}. */
    static HarnessSettings with(UnaryOperator<String> forkProperties, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key/value pairs, got " + keysAndValues.length + " strings");
        }
        Map<String, String> flags = new HashMap<>();
        for (String key : FORK_SETTINGS) {
            String value = forkProperties.apply(FORK_PROPERTY_PREFIX + key);
            if (value != null) {
                flags.put(key, value);
            }
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            flags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SettingsLoader.of(Map.of(), flags).load();
    }

    /** The JVM arguments that hand {@code injection} to a fork; none when it injects nothing. */
    public static List<String> forkArguments(InjectionSettings injection) {
        if (!injection.active()) {
            return List.of();
        }
        return injection.asSettings().entrySet().stream()
                .map(setting -> "-D" + FORK_PROPERTY_PREFIX + setting.getKey() + "=" + setting.getValue())
                .toList();
    }

    /** A variant constant as a setting value: {@code PER_TOKEN_TIMER} becomes {@code per-token-timer}. */
    public static String label(Enum<?> variant) {
        return variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
