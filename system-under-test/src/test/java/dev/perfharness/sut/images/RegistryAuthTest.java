package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.config.ImageSettings;
import dev.perfharness.config.ImageSettings.AuthVariant;
import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.config.ImageSettings.PullVariant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryAuthTest {
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theHeaderIsTheEnginesJsonOfTheCredentialsInBase64Url() throws Exception {
        RegistryCredentials credentials = RegistryAuth.create(settings(AuthVariant.PER_CALL), meters).forRegistry("127.0.0.1:5000");

        JsonNode decoded = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(credentials.header()));

        assertThat(decoded.get("username").asText()).isEqualTo("perf-harness");
        assertThat(decoded.get("password").asText()).isEqualTo("s3cret");
        assertThat(decoded.get("serveraddress").asText()).isEqualTo("127.0.0.1:5000");
        assertThat(credentials.config().getRegistryAddress()).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void perCallComputesForEveryCall() {
        RegistryAuth auth = RegistryAuth.create(settings(AuthVariant.PER_CALL), meters);

        for (int i = 0; i < 5; i++) {
            auth.forRegistry("127.0.0.1:5000");
        }

        assertThat(count("registry.auth.computations", "per-call")).isEqualTo(5);
        assertThat(meters.find("registry.auth.cache.hits").counter()).isNull();
    }

    @Test
    void cachedComputesOncePerRegistryWithinTheTtl() {
        RegistryAuth auth = RegistryAuth.create(settings(AuthVariant.CACHED), meters);

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
