package dev.perfharness.env.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.Registries;
import dev.perfharness.env.RegistrySeeder;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.external.ExternalEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded environment's registry on the real engine: started on a free loopback port, seeded with
 * images that the engine no longer holds, reported in the endpoints, removed with the environment.
 */
@RequiresDocker
class LocalRegistryContainerIT {
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED);
        String engine = DockerEngine.probe(settings.external().dockerHost()).address()
                .orElseThrow(() -> new IllegalStateException("@RequiresDocker found an engine, but DockerEngine.probe does not"));
        docker = DockerEngine.client(engine, Duration.ofMinutes(1));
    }

    @AfterAll
    static void disconnect() throws IOException {
        docker.close();
    }

    @Test
    void theEnvironmentRunsASeededRegistryOnLoopbackAndRemovesItsContainer() {
        String containerId;
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            Endpoints.Availability registry = environment.endpoints().registry();
            assertThat(registry.available()).as(registry.note()).isTrue();
            HostAndPort address = HostAndPort.parse(registry.address().orElseThrow());
            assertThat(address.host()).isEqualTo("127.0.0.1");
            assertThat(registry.note()).contains("3 images seeded");
            for (RegistrySeeder.SeedImage image : RegistrySeeder.IMAGES) {
                assertThat(RegistrySeeder.holds(address, image)).as(image.repository()).isTrue();
                // Seeded images leave the engine, so that a pull downloads them.
                assertThatThrownBy(() -> docker.inspectImageCmd(image.reference(address)).exec()).isInstanceOf(NotFoundException.class);
            }
            containerId = environment.localRegistry().orElseThrow().containerId();
            assertThat(environment.endpoints().containers()).containsExactly(containerId);
            var inspected = docker.inspectContainerCmd(containerId).exec();
            assertThat(inspected.getHostConfig().getNetworkMode()).isEqualTo("host");
            assertThat(inspected.getName()).isEqualTo("/" + LocalRegistry.NAME_PREFIX + address.port());
        }
        assertThatThrownBy(() -> docker.inspectContainerCmd(containerId).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void seedingAgainPushesNothingTheRegistryHolds() {
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            LocalRegistry registry = environment.localRegistry().orElseThrow();

            RegistrySeeder.Seeded again = new RegistrySeeder(docker, registry.address(), Registries.SEED_TIMEOUT).seed();

            assertThat(again.pushed()).isEmpty();
            assertThat(again.present()).containsExactlyElementsOf(
                    RegistrySeeder.IMAGES.stream().map(image -> image.reference(registry.address())).toList());
        }
    }

    @Test
    void aNewImageIsPushedAndLeavesTheEngine() throws Exception {
        RegistrySeeder.SeedImage small = new RegistrySeeder.SeedImage("perf-harness/seeder-it", "1", 4096);
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            HostAndPort address = environment.localRegistry().orElseThrow().address();
            deleteManifest(address, small);
            assertThat(RegistrySeeder.holds(address, small)).isFalse();

            RegistrySeeder.Seeded seeded = new RegistrySeeder(docker, address, Registries.SEED_TIMEOUT).seed(List.of(small));

            assertThat(seeded.pushed()).containsExactly(small.reference(address));
            assertThat(RegistrySeeder.holds(address, small)).isTrue();
            assertThatThrownBy(() -> docker.inspectImageCmd(small.reference(address)).exec()).isInstanceOf(NotFoundException.class);
            deleteManifest(address, small);
        }
    }

    /** Removes a test image's manifest from the shared registry volume, when it is there. */
    private static void deleteManifest(HostAndPort registry, RegistrySeeder.SeedImage image) throws Exception {
        URI manifest = Registries.apiRoot(registry).resolve(image.repository() + "/manifests/" + image.tag());
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(manifest)
                    .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (head.statusCode() == 404) {
                return;
            }
            String digest = head.headers().firstValue("Docker-Content-Digest").orElseThrow();
            URI byDigest = Registries.apiRoot(registry).resolve(image.repository() + "/manifests/" + digest);
            HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(byDigest).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(deleted.statusCode()).as("DELETE " + byDigest).isEqualTo(202);
        }
    }

    @Test
    void aMissingRegistryImageLeavesTheRegistryAbsentWithTheReasonAndRedisRunning() {
        String missing = "perf-harness/no-such-registry:0";
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED,
                Map.of("containers.pull", "never", "containers.image.registry", missing));

        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(settings)) {
            assertThat(environment.endpoints().registry().available()).isFalse();
            assertThat(environment.endpoints().registry().note()).contains(missing, "scripts/docker-engine.sh");
            assertThat(environment.endpoints().containers()).isEmpty();
            assertThat(RedisPing.ping(environment.endpoints().redis(), Duration.ofSeconds(2))).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> docker.inspectImageCmd(missing).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aConfiguredRegistryAddressIsProbedAndNoneIsStarted() {
        HostAndPort nobody = new HostAndPort("127.0.0.1", FreePorts.onLoopback());
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED, Map.of("registry.addr", nobody.toString()));

        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(settings)) {
            assertThat(environment.localRegistry()).isEmpty();
            assertThat(environment.endpoints().registry().available()).isFalse();
            assertThat(environment.endpoints().registry().note()).contains("no registry answers at " + nobody);
        }
    }

    @Test
    void theExternalEnvironmentReportsTheRegistryItIsGiven() {
        try (EmbeddedEnvironment running = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            HostAndPort registry = running.localRegistry().orElseThrow().address();
            HarnessSettings external = TestSettings.forEnvironment(EnvironmentName.EXTERNAL,
                    Map.of("redis.addr", running.endpoints().redis().toString(), "registry.addr", registry.toString()));

            HarnessSettings withoutRegistry = TestSettings.forEnvironment(EnvironmentName.EXTERNAL,
                    Map.of("redis.addr", running.endpoints().redis().toString()));

            try (ExternalEnvironment environment = ExternalEnvironment.connect(external);
                 ExternalEnvironment none = ExternalEnvironment.connect(withoutRegistry)) {
                assertThat(environment.endpoints().registry()).isEqualTo(Endpoints.Availability.at(registry.toString(), "registry.addr"));
                assertThat(none.endpoints().registry().note()).isEqualTo("not run: registry.addr (HARNESS_REGISTRY_ADDR) is not set");
            }
        }
    }
}
