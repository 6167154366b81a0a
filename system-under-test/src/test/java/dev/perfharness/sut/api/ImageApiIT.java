package dev.perfharness.sut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.TestService;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job API over HTTP: pulls, one job, the listings, and every bad input. */
class ImageApiIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("puller.duration", "300ms", "puller.failure-rate", "0"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aPullIsAcceptedAndItsJobRunsToCompletion() {
        HttpResponse<String> accepted = service.http().post("/api/v1/images/pull", "{\"image\":\"registry.local:5000/team/app:1.2\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\":\"pending\"", "\"image\":\"registry.local:5000/team/app:1.2\"");
        String jobId = accepted.body().replaceAll(".*\"job_id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                service.http().get("/api/v1/images/pull/" + jobId).body().contains("\"status\":\"completed\""));
    }

    @Test
    void anUnknownJobIsA404NamingIt() {
        HttpResponse<String> response = service.http().get("/api/v1/images/pull/no-such-job");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-job");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"image\":null}", "{\"image\":42}", "{\"image\":\"\"}",
        "{\"image\":\"UPPER/Case Name!\"}", "{\"image\":\"a::b\"}"})
    void aBadPullRequestIsA400ThatSaysWhy(String body) {
        HttpResponse<String> response = service.http().post("/api/v1/images/pull", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":", "\"parameter\":");
    }

    @Test
    void anOverlongImageNameIsRefused() {
        HttpResponse<String> response = service.http().post("/api/v1/images/pull", "{\"image\":\"" + "a".repeat(300) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"image\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1001", "2.5", "99999999999"})
    void aBadLimitIsA400NamingTheValue(String limit) {
        HttpResponse<String> response = service.http().get("/api/v1/images/pull-failed?limit="
                + URLEncoder.encode(limit, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"limit\"", "\"value\":\"" + limit + "\"");
    }

    @Test
    void aMissingLimitIsA400() {
        HttpResponse<String> response = service.http().get("/api/v1/images/pull-failed");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit is required");
    }

    @Test
    void listingsAnswerOnlyGet() {
        assertThat(service.http().post("/api/v1/images/pull-active", "{}").statusCode()).isEqualTo(405);
        assertThat(service.http().get("/api/v1/images/pull").statusCode()).isEqualTo(405);
    }

    @Test
    void theFailedListingHonoursItsLimit() {
        String body = service.http().get("/api/v1/images/pull-failed?limit=7").body();

        assertThat(body).contains("\"count\":7", "\"limit\":7");
        assertThat(body.split("\"status\":\"failed\"", -1)).hasSize(8);
    }

    @Test
    void everyVariantAnswersTheSameBytes() {
        List<String> reference = null;
        for (String variant : List.of("none", "aside", "aside-singleflight")) {
            try (TestService one = TestService.start(Map.of("cache", variant, "tracker.jobs", "3000", "tracker.seed", "5"))) {
                List<String> bodies = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    bodies.add(one.http().get("/api/v1/images/pull-active").body());
                    bodies.add(one.http().get("/api/v1/images/pull-failed?limit=25").body());
                    bodies.add(one.http().get("/api/v1/images/pull-failed?limit=3").body());
                    // The second round is served from Redis once the asynchronous write has landed.
                    await().atMost(Duration.ofSeconds(2)).until(() -> variant.equals("none")
                            || one.http().get("/api/v1/images/pull-active").headers().firstValue("X-Cache").orElse("").equals("hit"));
                }
                assertThat(bodies.get(0)).startsWith("{\"jobs\":[{\"id\":\"job-");
                if (reference == null) {
                    reference = bodies;
                } else {
                    assertThat(bodies).as("bodies of cache=%s", variant).isEqualTo(reference);
                }
            }
        }
    }
}
