package dev.perfharness.sut.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.containers.TestcontainersEnvironment;
import dev.perfharness.sut.ReferenceService;
import dev.perfharness.sut.ServiceClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cache against Redis in a container (Redis 7, not the embedded 6.2): store, hit, a frozen container, recovery. */
@RequiresDocker
class CacheContainerIT {
    private static final String FAILED = "/api/v1/images/pull-failed?limit=20";

    @ParameterizedTest
    @ValueSource(strings = {"aside", "aside-singleflight"})
    void storesHitsSurvivesAFrozenContainerAndRecovers(String variant) throws InterruptedException {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.TESTCONTAINERS,
                Map.of("server.port", "0", "cache", variant, "tracker.jobs", "2000"));
        try (TestcontainersEnvironment environment = TestcontainersEnvironment.start(settings);
             ReferenceService service = ReferenceService.start(settings, environment.endpoints().redis());
             RedisKeys redis = new RedisKeys(environment.endpoints().redis())) {
            ServiceClient client = new ServiceClient(service.url());
            String body = client.get(FAILED).body();
            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:failed:20") == 1);
            HttpResponse<String> hit = client.get(FAILED);
            assertThat(hit.headers().firstValue("X-Cache")).contains("hit");
            assertThat(hit.body()).isEqualTo(body);

            var docker = DockerClientFactory.instance().client();
            String container = environment.redis().getContainerId();
            docker.pauseContainerCmd(container).exec();
            List<Pollers.Result> outage;
            try {
                outage = Pollers.poll(client, FAILED, 5, Duration.ofSeconds(2));
            } finally {
                docker.unpauseContainerCmd(container).exec();
            }

            assertThat(outage).isNotEmpty().allMatch(result -> result.status() == 200);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> client.get(FAILED).headers().firstValue("X-Cache").orElse("").equals("hit"));
        }
    }
}
