package dev.perfharness.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed 002/003 components as wired into the whole service, on the embedded environment without an engine. */
class ServiceComponentsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withBearerAuthTheApiAsksForATokenFromPostTokens() throws Exception {
        try (TestService service = TestService.start(Map.of("api.auth", "bearer", "tokens", "min-heap"))) {
            URI active = service.service().url().resolve("/api/v1/images/pull-active");

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(active).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"reason\":\"missing\"");

            String issued = service.http().post("/api/v1/tokens", "").body();
            String token = issued.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(active).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(active)
                    .header("Authorization", "Bearer " + "A".repeat(token.length())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(unknown.body()).contains("\"reason\":\"unknown\"").doesNotContain("AAAA");
            // Health and readiness never need a token.
            assertThat(service.http().get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutAnEngineContainerRunsSayNotRun() {
        try (TestService service = TestService.start(Map.of())) {
            HttpResponse<String> response = service.http().post("/api/v1/containers/run", "{\"command\":[\"true\"]}");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("not run: no Docker engine");
        }
    }

    @Test
    void everyBufferVariantServesThePodLogStream() throws IOException, InterruptedException {
        for (String variant : new String[] {"none", "fixed", "tiered", "netty"}) {
            try (TestService service = TestService.start(Map.of("buffers", variant, "logs.synthetic-lines", "500",
                    "logs.synthetic-rate", "0", "buffers.prewarm", "2"))) {
                WebSocketProbe stream = WebSocketProbe.connect(service.webSocketUrl("/ws/pod-logs?namespace=default&pod=web-0"));
                int lines = 0;
                while (lines < 500) {
                    String message = stream.next();
                    lines += message.split("\\\\n", -1).length - 1;
                }
                assertThat(stream.awaitClose().code()).as("buffers=%s", variant).isEqualTo(1000);
                assertThat(service.http().get("/metrics").body()).contains("buffer_acquires_total");
            }
        }
    }
}
