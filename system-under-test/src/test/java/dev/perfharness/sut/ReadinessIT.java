package dev.perfharness.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.embedded.EmbeddedEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service against the embedded environment's real redis-server. */
class ReadinessIT {
    private static final Duration OUTAGE_NOTICED_WITHIN = Duration.ofSeconds(2);

    private EmbeddedEnvironment environment;
    private ReferenceService service;
    private ServiceClient client;

    @BeforeEach
    void start() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED, Map.of("server.port", "0"));
        environment = EmbeddedEnvironment.start(settings);
        service = ReferenceService.start(settings, environment.endpoints().redis());
        client = new ServiceClient(service.url());
    }

    @AfterEach
    void stop() {
        service.close();
        environment.close();
    }

    @Test
    void healthzAnswersWhateverRedisDoes() {
        assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
        environment.redis().stop();
        assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyzFollowsRedisDownAndBackUp() {
        assertThat(client.get("/readyz").statusCode()).isEqualTo(200);

        environment.redis().stop();

        await().atMost(OUTAGE_NOTICED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/readyz").statusCode() == 503);
        assertThat(client.get("/readyz").body())
                .contains("\"status\":\"not ready\"")
                .contains("\"reason\":\"redis: ");

        environment.redis().start();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/readyz").statusCode() == 200);
    }

    @Test
    void anUnknownPathIsAJson404NamingIt() {
        var response = client.get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/api/v1/nothing-here");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aTakenPortIsAClearError() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED,
                Map.of("server.port", Integer.toString(service.url().getPort())));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReferenceService.start(settings, environment.endpoints().redis()))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + service.url().getPort());
    }
}
