package dev.perfharness.env.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.config.ContainerSettings.NetworkMode;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.RegistrySeeder;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

@RequiresDocker
class TestcontainersEnvironmentIT {

    @Test
    void redisRunsInAContainerWithTheConfiguredImageAndNetwork() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS);
        String containerId;
        try (TestcontainersEnvironment environment = TestcontainersEnvironment.start(settings)) {
            assertThat(RedisPing.ping(environment.endpoints().redis(), Duration.ofSeconds(2))).isEqualTo("PONG");
            var inspected = DockerClientFactory.instance().client()
                    .inspectContainerCmd(environment.redis().getContainerId()).exec();
            assertThat(inspected.getConfig().getImage()).isEqualTo(settings.containers().redisImage());
            String expectedNetwork = settings.containers().network() == NetworkMode.HOST ? "host" : "bridge";
            assertThat(inspected.getHostConfig().getNetworkMode()).isEqualTo(expectedNetwork);
            containerId = environment.redis().getContainerId();
            assertThat(environment.endpoints().containers()).contains(containerId);
        }
        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSeededRegistryRunsBesideRedisAndGoesWithTheEnvironment() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS);
        String registryId;
        try (TestcontainersEnvironment environment = TestcontainersEnvironment.start(settings)) {
            Endpoints.Availability registry = environment.endpoints().registry();
            assertThat(registry.available()).as(registry.note()).isTrue();
            HostAndPort address = HostAndPort.parse(registry.address().orElseThrow());
            assertThat(RegistrySeeder.IMAGES).allSatisfy(image -> assertThat(RegistrySeeder.holds(address, image)).as(image.repository()).isTrue());
            registryId = environment.registry().orElseThrow().getContainerId();
            assertThat(environment.endpoints().containers()).containsExactly(environment.redis().getContainerId(), registryId);
            var inspected = DockerClientFactory.instance().client().inspectContainerCmd(registryId).exec();
            assertThat(inspected.getConfig().getImage()).isEqualTo(settings.containers().registryImage());
        }
        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectContainerCmd(registryId).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMissingRegistryImageLeavesTheRegistryAbsentWithTheReasonAndRedisRunning() {
        String missing = "perf-harness/no-such-registry:0";
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS,
                Map.of("containers.pull", "never", "containers.image.registry", missing));

        try (TestcontainersEnvironment environment = TestcontainersEnvironment.start(settings)) {
            assertThat(environment.endpoints().registry().available()).isFalse();
            assertThat(environment.endpoints().registry().note()).contains(missing, "scripts/docker-engine.sh");
            assertThat(environment.endpoints().containers()).containsExactly(environment.redis().getContainerId());
            assertThat(RedisPing.ping(environment.endpoints().redis(), Duration.ofSeconds(2))).isEqualTo("PONG");
        }
    }

    @Test
    void aMissingImageUnderPullNeverNamesTheImageAndTheScriptAndPullsNothing() {
        String missing = "perf-harness/no-such-image:0";
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS,
                Map.of("containers.pull", "never", "containers.image.redis", missing));

        assertThatThrownBy(() -> TestcontainersEnvironment.start(settings))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("scripts/docker-engine.sh");
        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectImageCmd(missing).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void k3sIsSelectableAndItsImageIsConfigurable() {
        String k3sImage = "perf-harness/k3s-not-built-here:0";
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS,
                Map.of("containers.k3s", "true", "containers.network", "bridge",
                        "containers.pull", "never", "containers.image.k3s", k3sImage));

        // No k3s image can be had on machines without a registry; what is verified is that the configured
        // image is the one asked for, and that its absence is a clear error, not a pull.
        assertThatThrownBy(() -> TestcontainersEnvironment.start(settings))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(k3sImage);
    }

    @Test
    void k3sUnderHostNetworkingIsRefusedWithTheReason() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS,
                Map.of("containers.k3s", "true", "containers.network", "host"));

        assertThatThrownBy(() -> TestcontainersEnvironment.start(settings))
                .hasMessageContaining("containers.network=bridge");
    }
}
