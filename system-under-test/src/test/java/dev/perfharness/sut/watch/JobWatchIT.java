package dev.perfharness.sut.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.TestService;
import dev.perfharness.sut.WebSocketProbe;
import dev.perfharness.sut.jobs.PullJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both job-watch WebSockets, in both variants, with the JDK's WebSocket client. */
class JobWatchIT {

    private static TestService start(String variant, Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ws", variant, "puller.duration", "1s", "puller.failure-rate", "0"));
        settings.putAll(more);
        return TestService.start(settings);
    }

    private static String pull(TestService service) {
        String body = service.http().post("/api/v1/images/pull", "{\"image\":\"library/busybox:1.37\"}").body();
        return body.replaceAll(".*\"job_id\":\"([^\"]+)\".*", "$1");
    }

    private static String frozenActiveJob(TestService service) {
        return service.service().tracker().active().stream().map(PullJob::id).filter(id -> id.startsWith("job-")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void aSingleWatchSeesEveryChangeThenANormalClose(String variant) {
        try (TestService service = start(variant, Map.of())) {
            String jobId = pull(service);
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + jobId));

            List<String> statuses = new ArrayList<>();
            String message;
            do {
                message = watch.next();
                statuses.add(message);
            } while (!message.contains("\"status\":\"completed\""));

            assertThat(statuses).allMatch(status -> status.contains("\"id\":\"" + jobId + "\""));
            assertThat(statuses.size()).isGreaterThan(2);
            assertThat(watch.awaitClose()).isEqualTo(new WebSocketProbe.Close(1000, "job completed"));
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().connections().active() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void aFailedJobEndsTheWatchWithItsReason(String variant) {
        try (TestService service = start(variant, Map.of("puller.failure-rate", "1"))) {
            String jobId = pull(service);
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + jobId));

            assertThat(watch.nextContaining("\"status\":\"failed\"")).contains("\"error\":\"unexpected EOF");
            assertThat(watch.awaitClose()).isEqualTo(new WebSocketProbe.Close(1000, "job failed"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void anUnknownJobIsRefusedWithACloseReasonNamingIt(String variant) {
        try (TestService service = start(variant, Map.of())) {
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/nope-123"));

            assertThat(watch.awaitClose()).isEqualTo(new WebSocketProbe.Close(4404, "unknown job id: nope-123"));
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().connections().active() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void theMultiWatchSendsSubscribedJobsOnly(String variant) {
        try (TestService service = start(variant, Map.of())) {
            String watched = pull(service);
            String other = pull(service);
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));

            watch.send("{\"action\":\"subscribe\",\"job_id\":\"" + watched + "\"}");

            assertThat(watch.next()).isEqualTo("{\"type\":\"subscribed\",\"job_id\":\"" + watched + "\"}");
            List<String> seen = new ArrayList<>();
            String message;
            do {
                message = watch.next();
                seen.add(message);
            } while (!message.contains("\"status\":\"completed\""));
            assertThat(seen).allMatch(status -> status.startsWith("{\"type\":\"status\",\"job\":{\"id\":\"" + watched + "\""));
            assertThat(String.join("\n", seen)).doesNotContain(other);
            watch.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void unsubscribingStopsUpdates(String variant) throws InterruptedException {
        try (TestService service = start(variant, Map.of("puller.duration", "3s"))) {
            String jobId = pull(service);
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));
            watch.send("{\"action\":\"subscribe\",\"job_id\":\"" + jobId + "\"}");
            watch.nextContaining("\"type\":\"status\"");

            watch.send("{\"action\":\"unsubscribe\",\"job_id\":\"" + jobId + "\"}");

            watch.nextContaining("\"type\":\"unsubscribed\"");
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().watches().active() == 0);
            // Drain what was in flight, then nothing more arrives while the job keeps changing.
            while (watch.pollMessage(Duration.ofMillis(500)) != null) {
                // drained
            }
            assertThat(watch.pollMessage(Duration.ofSeconds(1))).isNull();
            watch.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void badMessagesGetAnErrorAndTheConnectionStaysUsable(String variant) {
        try (TestService service = start(variant, Map.of("ws.max-subscriptions", "2"))) {
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));

            watch.send("{not json");
            assertThat(watch.next()).startsWith("{\"type\":\"error\",\"error\":\"malformed JSON");
            watch.send("[1,2]");
            assertThat(watch.next()).contains("expected a JSON object");
            watch.send("{\"action\":\"explode\",\"job_id\":\"x\"}");
            assertThat(watch.next()).contains("unknown action \\\"explode\\\"");
            watch.send("{\"action\":\"subscribe\"}");
            assertThat(watch.next()).contains("subscribe needs a job_id");
            watch.send("{\"action\":\"subscribe\",\"job_id\":\"no-such-job\"}");
            assertThat(watch.next()).contains("unknown job id: no-such-job");
            watch.send("{\"action\":\"unsubscribe\",\"job_id\":\"" + frozenActiveJob(service) + "\"}");
            assertThat(watch.next()).contains("not subscribed");
            watch.send("{\"action\":\"subscribe\",\"job_id\":\"" + "x".repeat(5_000) + "\"}");
            assertThat(watch.next()).contains("is above the limit of 4096");
            watch.sendBinary(new byte[] {1, 2, 3});
            assertThat(watch.next()).contains("binary messages are not understood");

            List<String> active = service.service().tracker().active().stream().map(PullJob::id).limit(3).toList();
            for (String jobId : active) {
                watch.send("{\"action\":\"subscribe\",\"job_id\":\"" + jobId + "\"}");
            }
            assertThat(watch.nextContaining("subscription limit")).contains("subscription limit of 2 reached");
            assertThat(watch.isClosed()).isFalse();
            watch.close();
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().connections().active() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void aMessageAboveJettysHardLimitClosesWith1009(String variant) {
        try (TestService service = start(variant, Map.of())) {
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));

            watch.send("x".repeat(70_000));

            assertThat(watch.awaitClose().code()).isEqualTo(1009);
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().connections().active() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void connectionsAreCountedDownOnEveryPath(String variant) {
        try (TestService service = start(variant, Map.of())) {
            String frozen = frozenActiveJob(service);
            WebSocketProbe closing = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + frozen));
            WebSocketProbe aborting = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));
            aborting.send("{\"action\":\"subscribe\",\"job_id\":\"" + frozen + "\"}");
            aborting.nextContaining("\"type\":\"status\"");
            closing.next();
            WebSocketProbe open = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + frozen));
            open.next();
            assertThat(service.service().connections().active()).isEqualTo(3);

            closing.close();
            aborting.abort();
            await().atMost(Duration.ofSeconds(5)).until(() -> service.service().connections().active() == 1);

            service.service().close();
            assertThat(service.service().connections().active()).isZero();
            assertThat(open.awaitClose().code()).isEqualTo(1001);
        }
    }

    @org.junit.jupiter.api.Test
    void theAfterVariantDropsAClosedConnectionsWatchesAtOnce() {
        try (TestService service = start("after", Map.of())) {
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + frozenActiveJob(service)));
            watch.next();
            assertThat(service.service().watches().active()).isEqualTo(1);

            watch.close();

            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().watches().active() == 0);
        }
    }

    @org.junit.jupiter.api.Test
    void theBeforeVariantsLoopOutlivesItsClientUntilItsNextPing() {
        try (TestService service = start("before", Map.of("ws.ping-interval", "3s"))) {
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull/" + frozenActiveJob(service)));
            watch.next();

            watch.close();
            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().connections().active() == 0);

            // The job never changes and nothing tells the loop: it polls on until its ping fails.
            assertThat(service.service().watches().active()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> service.service().watches().active() == 0);
        }
    }
}
