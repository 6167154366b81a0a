package dev.perfharness.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.containers.TestcontainersEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The service against Redis in a container: a paused container stops answering without closing sockets. */
@RequiresDocker
class ReadinessContainerIT {

    @Test
    void readyzTurns503WhileRedisIsFrozenAnd200WhenItThaws() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS, Map.of("server.port", "0"));
        try (TestcontainersEnvironment environment = TestcontainersEnvironment.start(settings);
             ReferenceService service = ReferenceService.start(settings, environment.endpoints().redis())) {
            ServiceClient client = new ServiceClient(service.url());
            var docker = DockerClientFactory.instance().client();
            String container = environment.redis().getContainerId();
            assertThat(client.get("/readyz").statusCode()).isEqualTo(200);

            docker.pauseContainerCmd(container).exec();
            try {
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> client.get("/readyz").statusCode() == 503);
                assertThat(client.get("/readyz").body()).contains("PING got no answer within");
            } finally {
                docker.unpauseContainerCmd(container).exec();
            }

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> client.get("/readyz").statusCode() == 200);
        }
    }
}
