package dev.perfharness.sut.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.ServiceException;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.images.DockerPuller;
import dev.perfharness.sut.images.LimitedPuller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImagePullersTest {
    private static final Backends REDIS_ONLY = Backends.redisOnly(new HostAndPort("127.0.0.1", 6379));
    /** Never called: these tests only build pullers. */
    private static final DockerApi UNUSED = new DockerApi() {
        @Override
        public <T> T call(dev.perfharness.sut.docker.DockerOperation operation, DockerCall<T> call) {
            throw new AssertionError("no Docker call was expected, got " + operation);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void theSimulatedPullerIsNotLimited() {
        try (ImagePuller puller = create(Map.of("puller", "simulated"), REDIS_ONLY, Optional.empty())) {
            assertThat(puller).isInstanceOf(SimulatedPuller.class);
        }
    }

    @Test
    void theDockerPullerPullsFromTheEnvironmentsRegistryBehindTheConfiguredLimiter() {
        Backends withRegistry = REDIS_ONLY.withRegistry(new HostAndPort("127.0.0.1", 41234));

        try (ImagePuller sequential = create(Map.of("puller", "docker", "pulls", "sequential"), withRegistry, Optional.of(UNUSED));
             ImagePuller parallel = create(Map.of("puller", "docker", "pulls", "parallel", "pulls.parallelism", "4"), withRegistry,
                     Optional.of(UNUSED))) {
            assertThat(((LimitedPuller) sequential).limiter().parallelism()).isEqualTo(1);
            assertThat(((LimitedPuller) parallel).limiter().parallelism()).isEqualTo(4);
        }
    }

    @Test
    void registryAddrWinsOverTheEnvironmentsRegistry() {
        Backends withRegistry = REDIS_ONLY.withRegistry(new HostAndPort("127.0.0.1", 41234));

        try (ImagePuller configured = create(Map.of("puller", "docker", "registry.addr", "127.0.0.1:5000"), withRegistry, Optional.of(UNUSED));
             ImagePuller environments = create(Map.of("puller", "docker"), withRegistry, Optional.of(UNUSED))) {
            assertThat(registryOf(configured)).isEqualTo(new HostAndPort("127.0.0.1", 5000));
            assertThat(registryOf(environments)).isEqualTo(new HostAndPort("127.0.0.1", 41234));
        }
    }

    @Test
    void dockerWithoutAnEngineSaysSo() {
        assertThatThrownBy(() -> create(Map.of("puller", "docker"), REDIS_ONLY.withRegistry(new HostAndPort("127.0.0.1", 5000)), Optional.empty()))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("puller=docker needs a Docker engine");
    }

    @Test
    void dockerWithoutARegistrySaysWhereOneComesFrom() {
        assertThatThrownBy(() -> create(Map.of("puller", "docker"), REDIS_ONLY, Optional.of(UNUSED)))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("puller=docker needs an image registry")
                .hasMessageContaining("registry.addr");
    }

    private static HostAndPort registryOf(ImagePuller puller) {
        return ((DockerPuller) ((LimitedPuller) puller).puller()).registry();
    }

    private static ImagePuller create(Map<String, String> overrides, Backends backends, Optional<DockerApi> docker) {
        HarnessSettings settings = settings(overrides);
        return ImagePullers.create(settings.jobs(), settings.images(), backends, docker, new SimpleMeterRegistry());
    }

    private static HarnessSettings settings(Map<String, String> overrides) {
        return TestSettings.forEnvironment(EnvironmentName.EMBEDDED, overrides);
    }
}
