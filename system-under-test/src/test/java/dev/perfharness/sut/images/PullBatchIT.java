package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.jobs.PullState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/images/pull-batch} over HTTP, with a puller whose pulls the test ends. */
class PullBatchIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HeldPuller held = new HeldPuller();

    @Test
    void aBatchIsAcceptedWithOneJobPerImageInOrderAndRunsOneAfterAnotherWhenSequential() throws Exception {
        try (ImageServer server = new ImageServer(new LimitedPuller(held, new PullLimiter(1, "sequential", new SimpleMeterRegistry())),
                Optional.empty())) {
            HttpResponse<String> accepted = server.http().post(PullBatchHandler.PATH,
                    "{\"images\":[\"perf-harness/blob-1m:1\",\"perf-harness/blob-10m:1\",\"perf-harness/blob-50m:1\"]}");

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            List<String> ids = jobIds(accepted.body());
            assertThat(ids).hasSize(3).doesNotHaveDuplicates();
            assertThat(ids).extracting(id -> server.tracker.find(id).orElseThrow().image())
                    .containsExactly("perf-harness/blob-1m:1", "perf-harness/blob-10m:1", "perf-harness/blob-50m:1");
            for (String id : ids) {
                await().atMost(WAIT).until(() -> server.tracker.find(id).orElseThrow().status() == PullState.PULLING);
                held.finish(id, true);
            }
            assertThat(held.mostRunning).hasValue(1);
            assertThat(server.tracker.active()).isEmpty();
        }
    }

    @Test
    void aSinglePullWaitsBehindABatchInTheSameLimiter() throws Exception {
        try (ImageServer server = new ImageServer(new LimitedPuller(held, new PullLimiter(1, "sequential", new SimpleMeterRegistry())),
                Optional.empty())) {
            List<String> batch = jobIds(server.http().post(PullBatchHandler.PATH, "{\"images\":[\"a:1\",\"b:1\"]}").body());
            String single = server.http().post("/api/v1/images/pull", "{\"image\":\"c:1\"}").body()
                    .replaceAll(".*\"job_id\":\"([^\"]+)\".*", "$1");

            await().atMost(WAIT).until(() -> held.startedImages.size() == 1);
            assertThat(server.tracker.find(single).orElseThrow().status()).isEqualTo(PullState.PENDING);
            held.finish(batch.get(0), true);
            await().atMost(WAIT).until(() -> held.startedImages.size() == 2);
            held.finish(batch.get(1), true);
            await().atMost(WAIT).until(() -> server.tracker.find(single).orElseThrow().status() == PullState.PULLING);
            assertThat(held.startedImages).containsExactly("a:1", "b:1", "c:1");
        }
    }

    @Test
    void aNameThatDoesNotParseIsA400NamingItAndNoJobIsCreated() throws Exception {
        try (ImageServer server = new ImageServer(held, Optional.empty())) {
            HttpResponse<String> refused = server.http().post(PullBatchHandler.PATH, "{\"images\":[\"good/name:1\",\"Bad Name!\"]}");

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode body = Json.MAPPER.readTree(refused.body());
            assertThat(body.get("parameter").asText()).isEqualTo("images[1]");
            assertThat(body.get("value").asText()).isEqualTo("Bad Name!");
            assertThat(body.get("error").asText()).contains("\"Bad Name!\" is not an image reference");
            assertThat(server.tracker.size()).isZero();
            assertThat(held.startedImages).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"images\":\"a:1\"}", "{\"images\":[]}", "{\"images\":[42]}"})
    void aBadBatchIsA400ThatSaysWhy(String body) throws Exception {
        try (ImageServer server = new ImageServer(held, Optional.empty())) {
            HttpResponse<String> refused = server.http().post(PullBatchHandler.PATH, body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"error\":", "\"parameter\":");
            assertThat(server.tracker.size()).isZero();
        }
    }

    @Test
    void moreImagesThanABatchTakesAreRefused() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= PullBatchHandler.MAX_IMAGES; i++) {
            names.add("\"team/app:" + i + "\"");
        }
        try (ImageServer server = new ImageServer(held, Optional.empty())) {
            HttpResponse<String> refused = server.http().post(PullBatchHandler.PATH, "{\"images\":[" + String.join(",", names) + "]}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("images must name 1 to 100 images, got 101");
        }
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        try (ImageServer server = new ImageServer(held, Optional.empty())) {
            assertThat(server.http().get(PullBatchHandler.PATH).statusCode()).isEqualTo(405);
        }
    }

    static List<String> jobIds(String body) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(body).get("job_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
