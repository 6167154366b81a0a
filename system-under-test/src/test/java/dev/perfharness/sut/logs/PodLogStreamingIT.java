package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.Variant;
import dev.perfharness.sut.logs.HeldLogSource.HeldLog;
import dev.perfharness.sut.logs.LogClient.Closed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /ws/pod-logs} through a real Jetty server and the JDK's WebSocket client. */
class PodLogStreamingIT {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    @ParameterizedTest
    @EnumSource(Variant.class)
    void syntheticStreamDeliversEveryLineInOrderThenClosesNormally(Variant variant) throws Exception {
        PodLogSettings settings = PodLogServer.settings(variant, Duration.ofSeconds(60), 500, 100);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0"))) {
            Closed closed = client.awaitClose();

            assertThat(closed).isEqualTo(new Closed(1000, "end of log"));
            assertThat(lineNumbers(client.logText())).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
            assertThat(client.logText()).hasSize(500 * 100);
            awaitNoConnections(server);
        }
    }

    @Test
    void eachLogMessageCarriesAtMostOneReadBuffer() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, Duration.ofSeconds(60), 1000, 100);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0"))) {
            client.awaitClose();

            List<JsonNode> chunks = client.messages("log");
            assertThat(chunks).hasSizeGreaterThanOrEqualTo(1000 * 100 / PodLogStream.READ_BUFFER_BYTES);
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.get("data").asText()).hasSizeLessThanOrEqualTo(PodLogStream.READ_BUFFER_BYTES));
        }
    }

    @Test
    void tailLinesStartsWithTheLastLines() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, Duration.ofSeconds(60), 50, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0&tailLines=5"))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);
            assertThat(lineNumbers(client.logText())).containsExactly(45, 46, 47, 48, 49);
        }
    }

    @Test
    void jobRequestAnnouncesTheDiscoveredPodThenStreamsItsLog() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, Duration.ofSeconds(60), 3, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&job=nightly"))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);

            JsonNode first = client.messages().getFirst();
            assertThat(first.get("type").asText()).isEqualTo("pod");
            assertThat(first.get("pod").asText()).isEqualTo(SyntheticLogSource.podOf("nightly"));
            assertThat(lineNumbers(client.logText())).containsExactly(0, 1, 2);
        }
    }

    @Test
    void afterRefusesTailLinesAboveTheLimitWith400NamingValueAndLimit() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings))) {
            UpgradeRequest.Refusal refusal = UpgradeRequest.send(server.port(), "/ws/pod-logs?namespace=ci&pod=web-0&tailLines=20000");

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body().get("error").asText()).isEqualTo("tailLines 20000 is above the limit of 10000");
            assertThat(refusal.body().get("parameter").asText()).isEqualTo("tailLines");
            assertThat(refusal.body().get("value").asText()).isEqualTo("20000");
            assertThat(LogClient.refusedStatus(server.uri("namespace=ci&pod=web-0&tailLines=20000"))).isEqualTo(400);
            assertThat(server.connections.active()).isZero();
        }
    }

    @Test
    void beforeAcceptsTailLinesAboveTheAfterLimit() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.BEFORE, Duration.ofSeconds(60), 30, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0&tailLines=20000"))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);
            assertThat(lineNumbers(client.logText())).hasSize(30);
        }
    }

    @ParameterizedTest
    @CsvSource({"AFTER, abc", "AFTER, 0", "AFTER, -5", "AFTER, 1.5", "BEFORE, abc", "BEFORE, 0", "BEFORE, -5"})
    void refusesTailLinesThatAreNotPositiveWholeNumbers(Variant variant, String tailLines) throws Exception {
        PodLogSettings settings = PodLogServer.settings(variant);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings))) {
            UpgradeRequest.Refusal refusal = UpgradeRequest.send(server.port(), "/ws/pod-logs?namespace=ci&pod=web-0&tailLines=" + tailLines);

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body().get("error").asText()).isEqualTo("tailLines " + tailLines + " is not a positive whole number");
            assertThat(refusal.body().get("value").asText()).isEqualTo(tailLines);
        }
    }

    @ParameterizedTest
    @CsvSource({"pod=web-0, namespace", "namespace=ci, pod", "namespace=ci&container=main, pod"})
    void refusesAMissingNamespaceOrTarget(String query, String parameter) throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings))) {
            UpgradeRequest.Refusal refusal = UpgradeRequest.send(server.port(), "/ws/pod-logs?" + query);

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body().get("parameter").asText()).isEqualTo(parameter);
            assertThat(refusal.body().has("value")).isFalse();
        }
    }

    @Test
    void afterEndsDiscoveryAtTheTimeoutWithAMessageACloseAndACount() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, SHORT_TIMEOUT, 10, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&job=missing-nightly"))) {
            Closed closed = client.awaitClose();

            String expected = "timeout waiting for job pod after 300 milliseconds";
            assertThat(closed).isEqualTo(new Closed(1013, expected));
            assertThat(client.messages()).hasSize(1);
            assertThat(client.messages("error").getFirst().get("message").asText()).isEqualTo(expected);
            assertThat(server.counter("pod.discovery.timeouts")).isEqualTo(1.0);
            assertThat(server.metrics.scrape()).contains("pod_discovery_timeouts_total 1.0");
            awaitNoConnections(server);
        }
    }

    @Test
    void beforeKeepsDiscoveringPastTheTimeoutUntilTheClientLeaves() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.BEFORE, SHORT_TIMEOUT, 10, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&job=missing-nightly"))) {
            // Three times the after variant's timeout: the before variant has none.
            TimeUnit.MILLISECONDS.sleep(SHORT_TIMEOUT.toMillis() * 3);
            assertThat(client.isClosed()).isFalse();
            assertThat(client.messages()).isEmpty();
            assertThat(server.streaming.runningStreams()).isEqualTo(1);

            client.leave();

            await().atMost(Duration.ofSeconds(5)).until(() -> server.streaming.runningStreams() == 0);
            awaitNoConnections(server);
            assertThat(server.counter("pod.discovery.timeouts")).isZero();
        }
    }

    @Test
    void afterStopsDiscoveryWithoutCountingATimeoutWhenTheClientLeaves() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&job=missing-nightly"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.streaming.runningStreams() == 1);

            client.leave();

            await().atMost(Duration.ofSeconds(5)).until(() -> server.streaming.runningStreams() == 0);
            awaitNoConnections(server);
            assertThat(server.counter("pod.discovery.timeouts")).isZero();
        }
    }

    @Test
    void afterStopsTheReaderAndClosesTheLogWhenTheClientLeaves() throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.AFTER), source);
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            HeldLog log = source.opened.get(10, TimeUnit.SECONDS);
            log.write("first line\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.messages("log").size() == 1);

            client.leave();

            await().atMost(Duration.ofSeconds(5)).until(log::isClosed);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.streaming.runningStreams() == 0);
            awaitNoConnections(server);
        }
    }

    @Test
    void beforeHoldsAQuietLogAfterTheClientLeavesUntilASendFails() throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.BEFORE), source);
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            HeldLog log = source.opened.get(10, TimeUnit.SECONDS);

            client.leave();
            awaitNoConnections(server);
            // Nothing was written, so nothing was sent, so the loop has not noticed.
            assertThat(log.isClosed()).isFalse();
            assertThat(server.streaming.runningStreams()).isEqualTo(1);

            log.write("a line nobody reads\n");

            await().atMost(Duration.ofSeconds(5)).until(log::isClosed);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.streaming.runningStreams() == 0);
        }
    }

    @Test
    void aLogThatCannotBeOpenedEndsWithAnErrorMessageAnd1011() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=missing-0"))) {
            Closed closed = client.awaitClose();

            assertThat(closed.code()).isEqualTo(1011);
            assertThat(closed.reason()).isEqualTo("pod missing-0 not found in namespace ci");
            assertThat(client.messages("error").getFirst().get("message").asText()).isEqualTo(closed.reason());
            awaitNoConnections(server);
        }
    }

    @Test
    void closingTheStreamingStopsStreamsWith1001AndClosesTheSource() throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.BEFORE), source);
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            HeldLog log = source.opened.get(10, TimeUnit.SECONDS);

            server.streaming.close();

            assertThat(client.awaitClose()).isEqualTo(new Closed(1001, "server stopping"));
            assertThat(log.isClosed()).isTrue();
            assertThat(server.streaming.runningStreams()).isZero();
            assertThat(source.closed).isTrue();
            awaitNoConnections(server);
        }
    }

    @Test
    void aClosedStreamingRefusesNewStreamsWith503() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings))) {
            server.streaming.close();

            UpgradeRequest.Refusal refusal = UpgradeRequest.send(server.port(), "/ws/pod-logs?namespace=ci&pod=web-0");

            assertThat(refusal.status()).isEqualTo(503);
            assertThat(refusal.body().get("error").asText()).isEqualTo("the pod log stream is shutting down");
        }
    }

    @Test
    void aLineCutInsideACharacterByTheReadBufferArrivesWhole() throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.AFTER), source);
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            HeldLog log = source.opened.get(10, TimeUnit.SECONDS);
            // 4095 ASCII bytes, then "é" (2 bytes): the first read ends inside it.
            String line = "x".repeat(PodLogStream.READ_BUFFER_BYTES - 1) + "é done\n";
            log.write(line);
            log.end();

            assertThat(client.awaitClose().code()).isEqualTo(1000);
            assertThat(client.logText()).isEqualTo(line);
        }
    }

    private static void awaitNoConnections(PodLogServer server) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.active() == 0);
    }

    /** The line numbers of synthetic lines, in order; fails on a line that is not whole. */
    private static List<Integer> lineNumbers(String text) {
        return text.lines().map(line -> Integer.parseInt(line.substring(0, SyntheticLog.NUMBER_DIGITS))).toList();
    }
}
