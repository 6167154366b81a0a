package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.PodLogSettings.LogSourceKind;
import dev.perfharness.config.Variant;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.logs.LogClient.Closed;
import dev.perfharness.sut.logs.LogSource.LogTarget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 source against fabric8's mock API server in expectations mode: each test states the
 * requests it expects (pod list by label, pod log) and their answers.
 */
class KubernetesLogSourceIT {
    private static final String NAMESPACE = "ci";
    private static final String JOB_PODS = "/api/v1/namespaces/ci/pods?labelSelector=job-name%3Dnightly";

    private KubernetesMockServer server;
    private NamespacedKubernetesClient mockClient;
    private Config config;

    @BeforeEach
    void startMockServer() throws Exception {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        mockClient = server.createClient();
        config = mockClient.getConfiguration();
    }

    @AfterEach
    void stopMockServer() {
        mockClient.close();
        server.destroy();
    }

    @Test
    void discoveryTakesTheNewestStartedPodOfTheJob() {
        server.expect().get().withPath(JOB_PODS).andReturn(200, new PodListBuilder().withItems(
                pod("nightly-old", "Succeeded", "2026-01-01T10:00:00Z"),
                pod("nightly-new", "Running", "2026-01-01T11:00:00Z"),
                pod("nightly-pending", "Pending", "2026-01-01T12:00:00Z")).build()).once();

        try (KubernetesLogSource source = new KubernetesLogSource(config)) {
            assertThat(source.findJobPod(NAMESPACE, "nightly")).hasValue("nightly-new");
        }
    }

    @Test
    void aJobWithOnlyPendingPodsHasNoPodYet() {
        server.expect().get().withPath(JOB_PODS).andReturn(200, new PodListBuilder()
                .withItems(pod("nightly-pending", "Pending", "2026-01-01T12:00:00Z")).build()).once();

        try (KubernetesLogSource source = new KubernetesLogSource(config)) {
            assertThat(source.findJobPod(NAMESPACE, "nightly")).isEmpty();
        }
    }

    @Test
    void aFailedListIsALogSourceException() {
        server.expect().get().withPath(JOB_PODS).andReturn(500, "etcd is down").once();

        try (KubernetesLogSource source = new KubernetesLogSource(config)) {
            assertThatThrownBy(() -> source.findJobPod(NAMESPACE, "nightly"))
                    .isInstanceOf(LogSourceException.class)
                    .hasMessageStartingWith("listing pods of job nightly in namespace ci failed");
        }
    }

    @Test
    void opensTheFollowedLogOfAContainerWithATail() throws Exception {
        server.expect().get().withPath("/api/v1/namespaces/ci/pods/nightly-new/log?follow=true&container=main&tailLines=2")
                .andReturn(200, "line 9\nline 10\n").once();

        try (KubernetesLogSource source = new KubernetesLogSource(config);
             InputStream log = source.openLog(new LogTarget(NAMESPACE, "nightly-new", Optional.of("main")), OptionalInt.of(2))) {
            assertThat(new String(log.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 9\nline 10\n");
        }
    }

    @Test
    void theStreamDiscoversTheJobPodAndDeliversItsLogThroughTheFactory() throws Exception {
        server.expect().get().withPath(JOB_PODS).andReturn(200, new PodListBuilder()
                .withItems(pod("nightly-abc12", "Running", "2026-01-01T11:00:00Z")).build()).always();
        server.expect().get().withPath("/api/v1/namespaces/ci/pods/nightly-abc12/log?follow=true&tailLines=10000")
                .andReturn(200, "starting\nworking\ndone\n").once();
        PodLogSettings settings = new PodLogSettings(Variant.AFTER, LogSourceKind.KUBERNETES, Duration.ofSeconds(5), 10_000, 0, 1, 1);
        Backends backends = Backends.redisOnly(new HostAndPort("127.0.0.1", 6379)).withKubernetes(config);

        try (PodLogServer service = new PodLogServer(settings, LogSources.create(settings, backends));
             LogClient client = LogClient.connect(service.uri("namespace=ci&job=nightly"))) {
            assertThat(client.awaitClose()).isEqualTo(new Closed(1000, "end of log"));
            assertThat(client.messages("pod").getFirst().get("pod").asText()).isEqualTo("nightly-abc12");
            assertThat(client.logText()).isEqualTo("starting\nworking\ndone\n");
        }
    }

    @Test
    void aLogTheApiRefusesEndsTheStreamWith1011() throws Exception {
        server.expect().get().withPath("/api/v1/namespaces/ci/pods/gone-0/log?follow=true&tailLines=10000")
                .andReturn(404, new StatusBuilder().withStatus("Failure").withReason("NotFound").withCode(404)
                        .withMessage("pods \"gone-0\" not found").build()).always();
        PodLogSettings settings = new PodLogSettings(Variant.AFTER, LogSourceKind.KUBERNETES, Duration.ofSeconds(5), 10_000, 0, 1, 1);

        try (PodLogServer service = new PodLogServer(settings, new KubernetesLogSource(config));
             LogClient client = LogClient.connect(service.uri("namespace=ci&pod=gone-0"))) {
            Closed closed = client.awaitClose();

            assertThat(closed.code()).isEqualTo(1011);
            assertThat(client.messages("log")).isEmpty();
            assertThat(client.messages("error").getFirst().get("message").asText())
                    .isEqualTo("the Kubernetes API refused the log of pod gone-0 in namespace ci: 404 pods \"gone-0\" not found");
        }
    }

    @Test
    void closingTheLogOfAQuietPodEndsABlockedReadAtOnce() throws Exception {
        CountDownLatch podExits = new CountDownLatch(1);
        HttpServer api = quietPodApi(podExits);
        Config direct = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + api.getAddress().getPort()).build();
        try (KubernetesLogSource source = new KubernetesLogSource(direct)) {
            InputStream log = source.openLog(new LogTarget(NAMESPACE, "quiet-0", Optional.empty()), OptionalInt.empty());
            byte[] buffer = new byte[4096];
            assertThat(new String(buffer, 0, log.read(buffer), StandardCharsets.UTF_8)).isEqualTo("only line\n");
            CompletableFuture<Object> secondRead = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    secondRead.complete(log.read(buffer));
                } catch (IOException e) {
                    secondRead.complete(e);
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.WAITING);

            log.close();

            // The pod is still quiet: only the close can have ended the read.
            assertThat(secondRead.get(5, TimeUnit.SECONDS)).satisfiesAnyOf(
                    result -> assertThat(result).isEqualTo(-1),
                    result -> assertThat(result).isInstanceOf(IOException.class));
        } finally {
            podExits.countDown();
            api.stop(0);
        }
    }

    /** An API server with one pod whose log writes a line and then nothing until {@code podExits}. */
    private static HttpServer quietPodApi(CountDownLatch podExits) throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/v1/namespaces/ci/pods/quiet-0/log", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("only line\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                podExits.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        api.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        api.start();
        return api;
    }

    private static Pod pod(String name, String phase, String created) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels(LogSource.JOB_LABEL, "nightly")
                .withCreationTimestamp(created).endMetadata()
                .withNewStatus().withPhase(phase).endStatus()
                .build();
    }
}
