package dev.perfharness.sut.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.TokenSettings;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.http.HealthHandler;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.http.NotFoundHandler;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bearer check and {@code POST /api/v1/tokens} through a real Jetty server and the JDK's HTTP client. */
class BearerAuthIT {
    private static final String GUARDED = "/api/v1/images/pull-active";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceMetrics metrics = new ServiceMetrics();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.123Z"));
    private TokenManager tokens;
    private Server server;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        tokens.close();
        metrics.close();
    }

    @Test
    void postingToTheTokensEndpointIssuesAToken() throws Exception {
        start("bearer");

        HttpResponse<String> response = post(TokenHandler.PATH);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(body.get("expires_at").asText()).isEqualTo("2026-11-24T11:00:00.123Z");
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aValidTokenPassesToTheHandler() throws Exception {
        start("bearer");
        String token = issue();

        HttpResponse<String> response = get(GUARDED, "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"jobs\":[]}");
    }

    @Test
    void noHeaderIs401Missing() throws Exception {
        start("bearer");

        HttpResponse<String> response = get(GUARDED, null);

        assertRefused(response, "missing");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"perf-harness\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer tooShort", "Bearer AAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAA"})
    void aHeaderThatIsNotABearerTokenIs401Malformed(String header) throws Exception {
        start("bearer");

        HttpResponse<String> response = get(GUARDED, header);

        assertRefused(response, "malformed");
        if (header.contains(" ")) {
            assertThat(response.body()).doesNotContain(header.substring(header.indexOf(' ') + 1));
        }
    }

    @Test
    void aTokenNeverIssuedIs401UnknownWithoutEchoingIt() throws Exception {
        start("bearer");
        String stranger = TokenFormat.encode(new byte[32]);

        HttpResponse<String> response = get(GUARDED, "Bearer " + stranger);

        assertRefused(response, "unknown");
        assertThat(response.body()).doesNotContain(stranger);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void anExpiredTokenIs401ExpiredBeforeAnyCleanup() throws Exception {
        start("bearer");
        String token = issue();
        clock.advance(Duration.ofHours(1));

        HttpResponse<String> response = get(GUARDED, "Bearer " + token);

        assertRefused(response, "expired");
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void pathsOutsideTheApiNeedNoToken() throws Exception {
        start("bearer");

        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void otherMethodsOnTheTokensPathAreGuarded() throws Exception {
        start("bearer");

        assertRefused(get(TokenHandler.PATH, null), "missing");
        assertThat(get(TokenHandler.PATH, "Bearer " + issue()).statusCode()).isEqualTo(405);
    }

    @Test
    void withAuthOffEveryRequestPasses() throws Exception {
        start("off");

        assertThat(get(GUARDED, null).statusCode()).isEqualTo(200);
        assertThat(get(GUARDED, "Bearer nonsense").statusCode()).isEqualTo(200);
    }

    private void start(String auth) throws Exception {
        TokenSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED,
                Map.of("api.auth", auth, "tokens", "min-heap", "tokens.ttl", "1h", "tokens.cleanup-interval", "1h")).tokens();
        tokens = TokenManagers.create(settings, metrics, clock);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from(TokenHandler.PATH), new TokenHandler(tokens));
        routes.addMapping(PathSpec.from(GUARDED), new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                JsonResponse.sendRaw(response, 200, "{\"jobs\":[]}", callback);
                return true;
            }
        });
        routes.addMapping(PathSpec.from("/healthz"), new HealthHandler());
        routes.addMapping(PathSpec.from("/"), new NotFoundHandler());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new BearerAuthHandler(settings, tokens, routes));
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private String issue() throws Exception {
        HttpResponse<String> response = post(TokenHandler.PATH);
        assertThat(response.statusCode()).isEqualTo(201);
        return Json.MAPPER.readTree(response.body()).get("token").asText();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("reason").asText()).isEqualTo(reason);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }
}
