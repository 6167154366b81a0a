package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.PodLogSettings.LogSourceKind;
import dev.perfharness.config.Variant;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.ServiceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogSourcesTest {
    private static final Backends REDIS_ONLY = Backends.redisOnly(new HostAndPort("127.0.0.1", 6379));

    @Test
    void syntheticNeedsNoBackend() {
        try (LogSource source = LogSources.create(settings(LogSourceKind.SYNTHETIC), REDIS_ONLY)) {
            assertThat(source).isInstanceOf(SyntheticLogSource.class);
        }
    }

    @Test
    void kubernetesWithoutAnApiNamesTheSettingAndWhatIsMissing() {
        assertThatThrownBy(() -> LogSources.create(settings(LogSourceKind.KUBERNETES), REDIS_ONLY))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("logs.source=kubernetes needs a Kubernetes API")
                .hasMessageContaining("logs.source=synthetic");
    }

    @Test
    void dockerWithoutAnEngineNamesTheSettingAndWhatIsMissing() {
        assertThatThrownBy(() -> LogSources.create(settings(LogSourceKind.DOCKER), REDIS_ONLY))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("logs.source=docker needs a Docker engine");
    }

    @Test
    void dockerWithAnEngineAddressBuildsTheDockerSourceWithoutContactingIt() {
        try (LogSource source = LogSources.create(settings(LogSourceKind.DOCKER), REDIS_ONLY.withDocker("tcp://127.0.0.1:1"))) {
            assertThat(source).isInstanceOf(DockerLogSource.class);
        }
    }

    private static PodLogSettings settings(LogSourceKind source) {
        return new PodLogSettings(Variant.AFTER, source, Duration.ofSeconds(60), 10_000, 0, 100, 64);
    }
}
