package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.PodLogSettings.LogSourceKind;
import dev.perfharness.config.Variant;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.logs.LogClient.Closed;
import dev.perfharness.sut.logs.LogSource.LogTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker source against the real engine, with busybox containers that write known logs. Images are
 * local only (scripts/docker-engine.sh builds them): the test checks its image is there and never pulls.
 * Containers use host networking and are removed after each test.
 */
@RequiresDocker
class DockerLogSourceContainerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String engine;
    private static String image;
    private static DockerClient docker;
    private final List<String> containers = new ArrayList<>();
    private final String job = "logs-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void findEngineAndImage() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED);
        engine = DockerEngine.probe(settings.external().dockerHost()).address()
                .orElseThrow(() -> new IllegalStateException("@RequiresDocker found an engine, but DockerEngine.probe does not"));
        image = settings.containers().busyboxImage();
        docker = DockerEngine.client(engine, WAIT);
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("image " + image + " (containers.image.busybox) is not on the engine at " + engine
                    + "; scripts/docker-engine.sh builds it (this test never pulls)", e);
        }
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (docker != null) {
            docker.close();
        }
    }

    @AfterEach
    void removeContainers() {
        containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
    }

    @Test
    void discoveryTakesTheNewestStartedContainerOfTheJob() {
        String older = started(job + "-a", "echo a");
        String newer = started(job + "-b", "echo b");
        created(job + "-c", "echo never started");

        try (DockerLogSource source = new DockerLogSource(engine)) {
            assertThat(source.findJobPod("ignored", job)).hasValue(newer);
            assertThat(older).isNotEqualTo(newer);
            assertThat(source.findJobPod("ignored", job + "-none")).isEmpty();
        }
    }

    @Test
    void anUnknownContainerIsALogSourceException() {
        try (DockerLogSource source = new DockerLogSource(engine)) {
            assertThatThrownBy(() -> source.openLog(new LogTarget("ignored", job + "-nobody", Optional.empty()), OptionalInt.empty()))
                    .isInstanceOf(LogSourceException.class)
                    .hasMessage("no container named " + job + "-nobody on the Docker engine");
        }
    }

    @Test
    void streamsTheTailOfAJobContainersLogThroughTheServiceThenClosesNormally() throws Exception {
        String name = started(job + "-0", "i=1; while [ $i -le 30 ]; do echo log line $i; i=$((i+1)); done");
        PodLogSettings settings = settings(Variant.AFTER);

        try (PodLogServer service = new PodLogServer(settings, LogSources.create(settings, backends()));
             LogClient client = LogClient.connect(service.uri("namespace=ci&job=" + job + "&tailLines=5"))) {
            assertThat(client.awaitClose()).isEqualTo(new Closed(1000, "end of log"));
            assertThat(client.messages("pod").getFirst().get("pod").asText()).isEqualTo(name);
            assertThat(client.logText().lines()).containsExactlyElementsOf(
                    IntStream.rangeClosed(26, 30).mapToObj(i -> "log line " + i).toList());
        }
    }

    @Test
    void followsARunningContainerUntilItExits() throws Exception {
        String name = started(job + "-0", "echo first; sleep 1; echo second >&2");
        PodLogSettings settings = settings(Variant.BEFORE);

        try (PodLogServer service = new PodLogServer(settings, new DockerLogSource(engine));
             LogClient client = LogClient.connect(service.uri("namespace=ci&pod=" + name))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);
            assertThat(client.logText()).isEqualTo("first\nsecond\n");
        }
    }

    @Test
    void afterStopsFollowingARunningContainerWhenTheClientLeaves() throws Exception {
        String name = started(job + "-0", "echo started; sleep 300");
        PodLogSettings settings = settings(Variant.AFTER);

        try (PodLogServer service = new PodLogServer(settings, new DockerLogSource(engine));
             LogClient client = LogClient.connect(service.uri("namespace=ci&pod=" + name))) {
            await().atMost(WAIT).until(() -> client.logText().equals("started\n"));

            client.leave();

            await().atMost(WAIT).until(() -> service.streaming.runningStreams() == 0);
            await().atMost(WAIT).until(() -> service.connections.active() == 0);
        }
    }

    private PodLogSettings settings(Variant variant) {
        return new PodLogSettings(variant, LogSourceKind.DOCKER, Duration.ofSeconds(10), 10_000, 0, 1, 1);
    }

    private Backends backends() {
        return Backends.redisOnly(new HostAndPort("127.0.0.1", 6379)).withDocker(engine);
    }

    /** A container of this test's job that has run {@code script}; returns its name. */
    private String started(String name, String script) {
        String id = create(name, script);
        docker.startContainerCmd(id).exec();
        return name;
    }

    private void created(String name, String script) {
        create(name, script);
    }

    private String create(String name, String script) {
        String id = docker.createContainerCmd(image)
                .withName(name)
                .withLabels(Map.of(LogSource.JOB_LABEL, job))
                .withCmd("sh", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
                .exec().getId();
        containers.add(id);
        return id;
    }
}
