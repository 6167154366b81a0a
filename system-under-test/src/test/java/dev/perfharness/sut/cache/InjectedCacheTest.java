package dev.perfharness.sut.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfharness.config.CacheVariant;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.SettingsLoader;
import dev.perfharness.sut.inject.AllocatedBytes;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.redis.RedisConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cache's factory puts the injected regression in front of every variant, and nothing when it is off. */
class InjectedCacheTest {
    private static final int INJECTED_BYTES = 65_536;
    private static final CacheKey KEY = CacheKey.activeJobs(Duration.ofSeconds(5));
    private static final Supplier<String> LOADER = () -> "{\"jobs\":[],\"count\":0}";

    /** One registry per cache: two caches of a variant would register the same meters. */
    private final List<ServiceMetrics> metrics = new ArrayList<>();
    // Connections open on first use, and the none variant never uses them: no Redis is needed.
    private final RedisConnections redis = new RedisConnections(new HostAndPort("127.0.0.1", 1), settings("none", 0).redis());

    @AfterEach
    void close() {
        redis.close();
        metrics.forEach(ServiceMetrics::close);
    }

    @ParameterizedTest
    @EnumSource(CacheVariant.class)
    void everyVariantIsWrappedOnlyWhenSomethingIsInjected(CacheVariant variant) {
        String name = variant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        try (JobListCache plain = create(settings(name, 0));
             JobListCache injected = create(settings(name, INJECTED_BYTES))) {
            assertThat(plain).isNotInstanceOf(InjectedCache.class);
            assertThat(injected).isInstanceOf(InjectedCache.class);
        }
    }

    @Test
    void aLookupAllocatesTheInjectedBytesOnTopOfItsOwn() {
        try (JobListCache plain = create(settings("none", 0));
             JobListCache injected = create(settings("none", INJECTED_BYTES))) {
            double own = AllocatedBytes.perCall(10_000, () -> plain.get(KEY, LOADER));
            double withInjection = AllocatedBytes.perCall(10_000, () -> injected.get(KEY, LOADER));

            assertThat(withInjection - own).isCloseTo(INJECTED_BYTES, within(INJECTED_BYTES * 0.05));
            assertThat(injected.get(KEY, LOADER)).isEqualTo(plain.get(KEY, LOADER));
        }
    }

    private JobListCache create(HarnessSettings settings) {
        ServiceMetrics registry = new ServiceMetrics();
        metrics.add(registry);
        return JobListCache.create(settings.cache(), redis, registry, RegressionInjector.of(settings.injection()));
    }

    private static HarnessSettings settings(String cache, int injectedBytes) {
        return SettingsLoader.of(Map.of(), Map.of("cache", cache, "inject.alloc", Integer.toString(injectedBytes))).load();
    }
}
