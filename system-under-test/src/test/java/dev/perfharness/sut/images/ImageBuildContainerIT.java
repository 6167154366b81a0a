package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.http.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /api/v1/images/build} against the real engine, in both build-context variants, from the
 * local busybox image (never pulled). Every image built is removed after its test.
 */
@RequiresDocker
class ImageBuildContainerIT {
    private static final List<BuildContexts.Spec> SPECS = List.of(
            new BuildContexts.Spec("small", 100, 1024),
            new BuildContexts.Spec("medium", 6, 2 << 20));

    private static EngineDockerApi docker;
    private static String busybox;

    @TempDir
    Path root;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> built = new ArrayList<>();

    @BeforeAll
    static void connect() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED);
        String engine = DockerEngine.probe(settings.external().dockerHost()).address()
                .orElseThrow(() -> new IllegalStateException("@RequiresDocker found an engine, but DockerEngine.probe does not"));
        busybox = settings.containers().busyboxImage();
        docker = new EngineDockerApi(engine);
        try {
            docker.client().inspectImageCmd(busybox).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("image " + busybox + " (containers.image.busybox) is not on the engine; "
                    + "scripts/docker-engine.sh builds it (this test never pulls)", e);
        }
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @AfterEach
    void removeBuiltImages() {
        for (String tag : built) {
            try {
                docker.client().removeImageCmd(tag).withForce(true).exec();
            } catch (NotFoundException notBuilt) {
                // The build failed before it tagged anything.
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BuildContextVariant.class)
    void bothVariantsBuildAnImageOfEveryFileOfTheContext(BuildContextVariant variant) throws Exception {
        try (ImageServer server = server(variant, busybox)) {
            for (BuildContexts.Spec spec : SPECS) {
                String tag = tag(spec.name());

                HttpResponse<String> response = server.http().post(BuildImageHandler.PATH,
                        "{\"tag\":\"" + tag + "\",\"context\":\"" + spec.name() + "\"}");

                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                JsonNode result = Json.MAPPER.readTree(response.body());
                String imageId = result.get("image_id").asText();
                assertThat(result.get("build_context").asText()).isEqualTo(variant == BuildContextVariant.STREAMED ? "streamed" : "in-memory");
                long contentBytes = (long) spec.files() * spec.fileBytes();
                assertThat(result.get("context_bytes").asLong()).isGreaterThan(contentBytes);
                var image = docker.client().inspectImageCmd(tag).exec();
                assertThat(imageId).isEqualTo(image.getId()).startsWith("sha256:");
                assertThat(image.getRepoTags()).contains(tag);
                long baseSize = docker.client().inspectImageCmd(busybox).exec().getSize();
                assertThat(image.getSize() - baseSize).isGreaterThanOrEqualTo(contentBytes);
            }
        }
        assertThat(meters.get("image.build.duration").tag("outcome", "completed").timers())
                .extracting(io.micrometer.core.instrument.Timer::count).containsOnly(1L).hasSize(SPECS.size());
        assertThat(meters.get("image.build.context.bytes").summary().count()).isEqualTo(SPECS.size());
    }

    @Test
    void anUnknownContextIsA400NamingIt() throws Exception {
        try (ImageServer server = server(BuildContextVariant.STREAMED, busybox)) {
            HttpResponse<String> response = server.http().post(BuildImageHandler.PATH, "{\"tag\":\"" + tag("x") + "\",\"context\":\"huge\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertThat(body.get("parameter").asText()).isEqualTo("context");
            assertThat(body.get("value").asText()).isEqualTo("huge");
            assertThat(body.get("error").asText()).isEqualTo("build context \"huge\" does not exist; there are: small, medium");
        }
    }

    @Test
    void aBadTagIsA400NamingIt() throws Exception {
        try (ImageServer server = server(BuildContextVariant.STREAMED, busybox)) {
            HttpResponse<String> response = server.http().post(BuildImageHandler.PATH, "{\"tag\":\"Not A Tag\",\"context\":\"small\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body()).get("parameter").asText()).isEqualTo("tag");
        }
    }

    @Test
    void aMissingBaseImageIsA503ThatSaysHowToGetItAndNothingIsPulled() throws Exception {
        String missing = "perf-harness/no-such-base:0";
        try (ImageServer server = server(BuildContextVariant.STREAMED, missing)) {
            HttpResponse<String> response = server.http().post(BuildImageHandler.PATH, "{\"tag\":\"" + tag("x") + "\",\"context\":\"small\"}");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Json.MAPPER.readTree(response.body()).get("error").asText())
                    .contains("the base image " + missing + " (containers.image.busybox) is not on the engine", "scripts/docker-engine.sh");
        }
        assertThatThrownBy(() -> docker.client().inspectImageCmd(missing).exec()).isInstanceOf(NotFoundException.class);
    }

    private ImageServer server(BuildContextVariant variant, String baseImage) throws Exception {
        BuildContexts contexts = new BuildContexts(root.resolve(variant.name()), baseImage, SPECS);
        ImageBuilder builder = new ImageBuilder(docker, contexts, BuildContextTar.create(variant, new AllocatingBufferPool()), meters);
        return new ImageServer(new HeldPuller(), Optional.of(builder));
    }

    private String tag(String context) {
        String tag = "perf-harness/build-it-" + context + ":" + UUID.randomUUID().toString().substring(0, 8);
        built.add(tag);
        return tag;
    }
}
