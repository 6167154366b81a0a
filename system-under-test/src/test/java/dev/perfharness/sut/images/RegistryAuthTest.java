package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.config.ImageSettings;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.config.ImageSettings.AuthVariant;
import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.config.ImageSettings.PullVariant;
import dev.perfharness.sut.inject.AllocatedBytes;
import dev.perfharness.sut.inject.RegressionInjector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistryAuthTest {
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theHeaderIsTheEnginesJsonOfTheCredentialsInBase64Url() throws Exception {
        RegistryCredentials credentials = RegistryAuth.create(settings(AuthVariant.PER_CALL), meters, RegressionInjector.NONE).forRegistry("127.0.0.1:5000");

        JsonNode decoded = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(credentials.header()));

        assertThat(decoded.get("username").asText()).isEqualTo("perf-harness");
        assertThat(decoded.get("password").asText()).isEqualTo("s3cret");
        assertThat(decoded.get("serveraddress").asText()).isEqualTo("127.0.0.1:5000");
        assertThat(credentials.config().getRegistryAddress()).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void perCallComputesForEveryCall() {
        RegistryAuth auth = RegistryAuth.create(settings(AuthVariant.PER_CALL), meters, RegressionInjector.NONE);

        for (int i = 0; i < 5; i++) {
            auth.forRegistry("127.0.0.1:5000");
        }

        assertThat(count("registry.auth.computations", "per-call")).isEqualTo(5);
        assertThat(meters.find("registry.auth.cache.hits").counter()).isNull();
    }

    @Test
    void cachedComputesOncePerRegistryWithinTheTtl() {
        RegistryAuth auth = RegistryAuth.create(settings(AuthVariant.CACHED), meters, RegressionInjector.NONE);

        RegistryCredentials first = auth.forRegistry("127.0.0.1:5000");
        for (int i = 0; i < 4; i++) {
            assertThat(auth.forRegistry("127.0.0.1:5000")).isSameAs(first);
        }
        auth.forRegistry("registry.local:5000");

        assertThat(count("registry.auth.computations", "cached")).isEqualTo(2);
        assertThat(count("registry.auth.cache.hits", "cached")).isEqualTo(4);
    }

    @Test
    void cachedComputesAgainOnceTheTtlHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ImageSettings settings = settings(AuthVariant.CACHED);
        CachedAuth auth = new CachedAuth(new AuthComputation(settings.username(), settings.password(), "cached", meters),
                Duration.ofMinutes(15), clock, meters);

        RegistryCredentials first = auth.forRegistry("127.0.0.1:5000");
        clock.now = clock.now.plus(Duration.ofMinutes(15)).minusMillis(1);
        assertThat(auth.forRegistry("127.0.0.1:5000")).isSameAs(first);
        clock.now = clock.now.plusMillis(1);
        RegistryCredentials renewed = auth.forRegistry("127.0.0.1:5000");

        assertThat(renewed).isNotSameAs(first).isEqualTo(first);
        assertThat(count("registry.auth.computations", "cached")).isEqualTo(2);
        assertThat(count("registry.auth.cache.hits", "cached")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(AuthVariant.class)
    void anInjectedRegressionIsAddedToEveryLookupOfEitherVariant(AuthVariant variant) {
        int injectedBytes = 65_536;
        RegistryAuth plain = RegistryAuth.create(settings(variant), meters, RegressionInjector.NONE);
        RegistryAuth injected = RegistryAuth.create(settings(variant), meters,
                RegressionInjector.of(new InjectionSettings(Duration.ZERO, injectedBytes)));

        double own = AllocatedBytes.perCall(10_000, () -> plain.forRegistry("127.0.0.1:5000"));
        double withInjection = AllocatedBytes.perCall(10_000, () -> injected.forRegistry("127.0.0.1:5000"));

        assertThat(withInjection - own).isCloseTo(injectedBytes, within(injectedBytes * 0.05));
        assertThat(injected.name()).isEqualTo(plain.name());
        assertThat(injected.forRegistry("127.0.0.1:5000").header()).isEqualTo(plain.forRegistry("127.0.0.1:5000").header());
    }

    private double count(String name, String variant) {
        return meters.get(name).tag("auth", variant).counter().count();
    }

    private static ImageSettings settings(AuthVariant auth) {
        return new ImageSettings(PullVariant.PARALLEL, 3, Optional.empty(), auth, Duration.ofMinutes(15), "perf-harness", "s3cret",
                BuildContextVariant.STREAMED);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
