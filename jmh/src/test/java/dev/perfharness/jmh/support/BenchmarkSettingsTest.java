package dev.perfharness.jmh.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.ImageSettings.AuthVariant;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.config.SettingsException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {
    private static final InjectionSettings INJECTION = new InjectionSettings(Duration.ofNanos(200), 100);

    @Test
    void aForkGetsTheInjectionAsSystemProperties() {
        assertThat(BenchmarkSettings.forkArguments(INJECTION))
                .containsExactly("-Dperfharness.bench.inject.cpu=200ns", "-Dperfharness.bench.inject.alloc=100");
        assertThat(BenchmarkSettings.forkArguments(InjectionSettings.NONE)).isEmpty();
    }

    @Test
    void theForksSettingsApplyItsInjectionUnderTheBenchmarksOwn() {
        Map<String, String> properties = asProperties(INJECTION);

        HarnessSettings settings = BenchmarkSettings.with(properties::get, "registry.auth", "per-call");

        assertThat(settings.injection()).isEqualTo(INJECTION);
        assertThat(settings.images().auth()).isEqualTo(AuthVariant.PER_CALL);
    }

    @Test
    void aForkWithoutPropertiesInjectsNothing() {
        assertThat(BenchmarkSettings.with(key -> null).injection()).isEqualTo(InjectionSettings.NONE);
        assertThat(BenchmarkSettings.with().injection()).isEqualTo(InjectionSettings.NONE);
    }

    @Test
    void aBadValueInAForkPropertyNamesTheSetting() {
        assertThatThrownBy(() -> BenchmarkSettings.with(Map.of("perfharness.bench.inject.cpu", "soon")::get))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("inject.cpu = \"soon\"");
    }

    /** What a fork's JVM makes of the arguments: -Dname=value as system properties. */
    private static Map<String, String> asProperties(InjectionSettings injection) {
        Map<String, String> properties = new HashMap<>();
        for (String argument : BenchmarkSettings.forkArguments(injection)) {
            String[] nameAndValue = argument.substring("-D".length()).split("=", 2);
            properties.put(nameAndValue[0], nameAndValue[1]);
        }
        return properties;
    }
}
