package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.RegistrySeeder;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.embedded.EmbeddedEnvironment;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerOperation;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real pulls: the embedded environment's registry on 127.0.0.1, seeded with images of 1, 10 and 50 MiB,
 * pulled by the engine through docker-java. Pulled images are removed after each test, so every pull
 * downloads; nothing is ever pulled from a public registry.
 */
@RequiresDocker
class DockerPullerContainerIT {
    private static final Duration PULL_WAIT = Duration.ofSeconds(90);
    private static final List<String> SEEDED = RegistrySeeder.IMAGES.stream().map(image -> image.repository() + ":" + image.tag()).toList();

    private static EmbeddedEnvironment environment;
    private static HostAndPort registry;
    private static EngineDockerApi docker;

    private final JobTracker tracker = new JobTracker(Clock.systemUTC());
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startEnvironment() {
        environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED));
        var available = environment.endpoints().registry();
        registry = HostAndPort.parse(available.address().orElseThrow(() -> new IllegalStateException(
                "the embedded environment runs no registry: " + available.note())));
        docker = new EngineDockerApi(environment.endpoints().docker().address().orElseThrow());
        // Copies pulled earlier from another registry port share the layers: they would make pulls download nothing.
        RegistrySeeder.removeLocalCopies(docker.client());
    }

    @AfterAll
    static void stopEnvironment() {
        if (docker != null) {
            docker.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @AfterEach
    void removePulledImages() {
        RegistrySeeder.removeLocalCopies(docker.client());
    }

    @Test
    void aSeededImageIsPulledWithItsLayersDownloadProgressToCompletion() {
        List<PullJob> snapshots = Collections.synchronizedList(new ArrayList<>());
        tracker.addListener(snapshots::add);
        try (DockerPuller puller = puller(registry, "cached")) {
            PullJob job = start(puller, "perf-harness/blob-10m:1");

            await().atMost(PULL_WAIT).until(() -> status(job).finished());

            PullJob done = tracker.find(job.id()).orElseThrow();
            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(PullState.COMPLETED);
            assertThat(done.layers()).isNotEmpty().allMatch(layer -> layer.current() == layer.total());
            assertThat(done.layers().stream().mapToLong(LayerProgress::total).sum()).isGreaterThanOrEqualTo(10L << 20);
        }
        assertThat(snapshots).filteredOn(snapshot -> snapshot.status() == PullState.PULLING).isNotEmpty();
        assertThat(snapshots).extracting(PullJob::progress).isSorted();
        assertThat(docker.client().inspectImageCmd(registry + "/perf-harness/blob-10m:1").exec().getSize()).isGreaterThanOrEqualTo(10L << 20);
        assertThat(meters.get("image.pull.bytes").counter().count()).isGreaterThanOrEqualTo(10L << 20);
        assertThat(meters.get("image.pull.duration").tag("outcome", "completed").timer().count()).isEqualTo(1);
    }

    @Test
    void aSequentialBatchOverHttpPullsEverySeededImageOneAfterAnotherComputingAuthEachTime() throws Exception {
        PullingCount pulling = new PullingCount();
        try (ImageServer server = server(1, "sequential", "per-call", pulling)) {
            List<String> ids = PullBatchIT.jobIds(server.http().post(PullBatchHandler.PATH, batch()).body());

            await().atMost(PULL_WAIT).until(() -> ids.stream().allMatch(id -> server.tracker.find(id).orElseThrow().status().finished()));

            ids.forEach(id -> assertThat(server.tracker.find(id).orElseThrow().status()).isEqualTo(PullState.COMPLETED));
            assertThat(pulling.most).hasValue(1);
        }
        assertThat(meters.get("registry.auth.computations").tag("auth", "per-call").counter().count()).isEqualTo(3);
    }

    @Test
    void aParallelBatchPullsAtMostItsParallelismAtOnceComputingAuthOnce() throws Exception {
        PullingCount pulling = new PullingCount();
        try (ImageServer server = server(2, "parallel", "cached", pulling)) {
            List<String> ids = PullBatchIT.jobIds(server.http().post(PullBatchHandler.PATH, batch()).body());

            await().atMost(PULL_WAIT).until(() -> ids.stream().allMatch(id -> server.tracker.find(id).orElseThrow().status().finished()));

            ids.forEach(id -> assertThat(server.tracker.find(id).orElseThrow().status()).isEqualTo(PullState.COMPLETED));
            assertThat(pulling.most.get()).isBetween(1, 2);
        }
        assertThat(meters.get("registry.auth.computations").tag("auth", "cached").counter().count()).isEqualTo(1);
        assertThat(meters.get("registry.auth.cache.hits").tag("auth", "cached").counter().count()).isEqualTo(2);
    }

    @Test
    void aRegistryThatDoesNotAnswerFailsTheJobNamingTheRegistry() {
        HostAndPort nobody = new HostAndPort("127.0.0.1", FreePorts.onLoopback());
        try (DockerPuller puller = puller(nobody, "cached")) {
            PullJob job = start(puller, "perf-harness/blob-1m:1");

            await().atMost(PULL_WAIT).until(() -> status(job).finished());

            PullJob failed = tracker.find(job.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(PullState.FAILED);
            assertThat(failed.error()).startsWith("the registry " + nobody + " does not answer (pulling " + nobody + "/perf-harness/blob-1m:1)")
                    .contains("connection refused");
        }
        assertThat(meters.get("image.pull.duration").tag("outcome", "failed").timer().count()).isEqualTo(1);
    }

    @Test
    void aTagTheRegistryDoesNotHoldFailsWithTheEnginesWords() {
        try (DockerPuller puller = puller(registry, "cached")) {
            PullJob job = start(puller, "perf-harness/blob-1m:no-such-tag");

            await().atMost(PULL_WAIT).until(() -> status(job).finished());

            assertThat(tracker.find(job.id()).orElseThrow().error())
                    .startsWith("pulling " + registry + "/perf-harness/blob-1m:no-such-tag from the registry " + registry + " failed: ")
                    .contains("not found");
        }
    }

    @Test
    void anImageOfAnotherRegistryIsRefusedWithoutAskingTheEngine() {
        AtomicInteger calls = new AtomicInteger();
        DockerApi counting = new DockerApi() {
            @Override
            public <T> T call(DockerOperation operation, DockerCall<T> call) {
                calls.incrementAndGet();
                return docker.call(operation, call);
            }

            @Override
            public void close() {
            }
        };
        RegistryAuth auth = RegistryAuth.create(settings(Map.of()).images(), meters, RegressionInjector.NONE);
        try (DockerPuller puller = new DockerPuller(counting, registry, auth, meters)) {
            PullJob job = start(puller, "registry.example:5000/team/app:1");

            await().atMost(PULL_WAIT).until(() -> status(job).finished());

            assertThat(tracker.find(job.id()).orElseThrow().error())
                    .contains("names the registry registry.example:5000", "pulls only from " + registry);
        }
        assertThat(calls).hasValue(0);
    }

    private ImageServer server(int parallelism, String pulls, String auth, PullingCount pulling) throws Exception {
        ImageServer server = new ImageServer(new LimitedPuller(puller(registry, auth), new PullLimiter(parallelism, pulls, meters)), Optional.empty());
        server.tracker.addListener(pulling::seen);
        return server;
    }

    private DockerPuller puller(HostAndPort from, String auth) {
        RegistryAuth registryAuth = RegistryAuth.create(settings(Map.of("registry.auth", auth)).images(), meters, RegressionInjector.NONE);
        return new DockerPuller(docker, from, registryAuth, meters);
    }

    private PullJob start(DockerPuller puller, String image) {
        PullJob job = tracker.create(image);
        puller.start(job, tracker.progressOf(job.id()));
        return job;
    }

    private PullState status(PullJob job) {
        return tracker.find(job.id()).orElseThrow().status();
    }

    private static String batch() {
        return "{\"images\":[" + String.join(",", SEEDED.stream().map(image -> "\"" + image + "\"").toList()) + "]}";
    }

    private static HarnessSettings settings(Map<String, String> overrides) {
        return TestSettings.forEnvironment(EnvironmentName.EMBEDDED, overrides);
    }

    /** The most jobs seen pulling at once. */
    private static final class PullingCount {
        final AtomicInteger most = new AtomicInteger();
        private final Set<String> pulling = new HashSet<>();

        synchronized void seen(PullJob job) {
            if (job.status() == PullState.PULLING) {
                pulling.add(job.id());
            } else {
                pulling.remove(job.id());
            }
            most.accumulateAndGet(pulling.size(), Math::max);
        }
    }
}
