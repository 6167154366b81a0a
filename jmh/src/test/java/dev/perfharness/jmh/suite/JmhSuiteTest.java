package dev.perfharness.jmh.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.InjectionSettings;
import dev.perfharness.jmh.support.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

class JmhSuiteTest {
    private static final Map<Backend, String> REDIS = Map.of(Backend.REDIS, "127.0.0.1:6379");

    @Test
    void forksGetTheBackendsAndTheInjectionAsSystemProperties() {
        List<String> arguments = JmhSuite.forkJvmArguments(REDIS, new InjectionSettings(Duration.ofNanos(200), 100));

        assertThat(arguments).contains("-Dperfharness.bench.redis=127.0.0.1:6379",
                "-Dperfharness.bench.inject.cpu=200ns", "-Dperfharness.bench.inject.alloc=100");
    }

    @Test
    void withoutAnInjectionForksGetNoInjectionProperty() {
        assertThat(JmhSuite.forkJvmArguments(REDIS, InjectionSettings.NONE)).noneMatch(argument -> argument.contains("inject"));
    }

    @Test
    void everyPassOfTheSuiteHandsTheInjectionToItsForks() {
        SuiteRequest request = new SuiteRequest(Preset.SMOKE, List.of("RegistryAuthBenchmark"), Map.of(), REDIS,
                new InjectionSettings(Duration.ZERO, 100), Path.of("runs", "x"), false, Path.of("cache"));
        SuitePlan plan = SuitePlan.of(request.preset(), request.includes(), request.params(), request.backends().keySet());

        Options options = JmhSuite.commonOptions(plan, request).build();

        assertThat(options.getJvmArgsAppend().get()).contains("-Dperfharness.bench.inject.cpu=0", "-Dperfharness.bench.inject.alloc=100");
    }
}
