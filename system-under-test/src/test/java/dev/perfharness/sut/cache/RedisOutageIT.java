package dev.perfharness.sut.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.TestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis going away under load: the cached endpoints keep answering 200 from the tracker, and come back
 * to Redis when it returns. Two kinds of outage: a stopped Redis (connections refused at once) and a
 * hung one (SIGSTOP: connections open, no answers), which is where the seed's design waits out its read
 * deadline on every request and the single-flight variant's circuit breaker stops waiting.
 */
class RedisOutageIT {
    private static final String ACTIVE = "/api/v1/images/pull-active";
    private static final int CLIENTS = 20;

    @ParameterizedTest
    @ValueSource(strings = {"aside", "aside-singleflight"})
    void aStoppedRedisUnderLoadCausesNoErrorAndIsUsedAgainWhenBack(String variant) throws InterruptedException {
        try (TestService service = TestService.start(Map.of("cache", variant))) {
            warmUp(service);

            service.environment().redis().stop();
            List<Pollers.Result> outage = Pollers.poll(service.http(), ACTIVE, CLIENTS, Duration.ofSeconds(2));

            assertThat(outage).isNotEmpty().allMatch(result -> result.status() == 200);
            assertThat(outage).extracting(Pollers.Result::cache).doesNotContain("hit");

            service.environment().redis().start();
            // The restarted Redis is empty: a miss stores the key, and the next poll hits it.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> service.http().get(ACTIVE).headers().firstValue("X-Cache").orElse("").equals("hit"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "aside", "aside-singleflight"})
    void aHungRedisCostsTheSeedItsReadDeadlinePerRequestAndSingleFlightOnce(String variant) throws InterruptedException {
        try (TestService service = TestService.start(Map.of("cache", variant))) {
            warmUp(service);

            service.environment().redis().pause();
            List<Pollers.Result> outage;
            try {
                outage = Pollers.poll(service.http(), ACTIVE, CLIENTS, Duration.ofSeconds(3));
            } finally {
                service.environment().redis().resume();
            }

            long p50 = Pollers.percentileMicros(outage, 50);
            long p99 = Pollers.percentileMicros(outage, 99);
            long waitedOutDeadline = outage.stream().filter(result -> result.micros() >= 900_000).count();
            System.out.printf("hung redis, cache=%s: %d requests by %d clients in 3 s, p50 %d us, p99 %d us, %d waited >= 0.9 s%n",
                    variant, outage.size(), CLIENTS, p50, p99, waitedOutDeadline);
            assertThat(outage).allMatch(result -> result.status() == 200);
            switch (variant) {
                // The seed's after: every request waits out the 1 s read deadline.
                case "aside" -> assertThat(p50).isGreaterThanOrEqualTo(900_000);
                // Each client waits about once: the breaker opens on the third failure, and until then a
                // client whose first request has already failed may start a second one. The rest skip Redis.
                case "aside-singleflight" -> {
                    assertThat(waitedOutDeadline).isLessThanOrEqualTo(CLIENTS + 2);
                    assertThat(p50).isLessThan(100_000);
                }
                default -> assertThat(waitedOutDeadline).isZero();
            }
            if (!variant.equals("none")) {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> service.http().get(ACTIVE).headers().firstValue("X-Cache").orElse("").equals("hit"));
            }
        }
    }

    private static void warmUp(TestService service) {
        service.http().get(ACTIVE);
        await().atMost(Duration.ofSeconds(2)).until(() ->
                !service.settings().cache().variant().name().startsWith("ASIDE")
                        || service.http().get(ACTIVE).headers().firstValue("X-Cache").orElse("").equals("hit"));
    }
}
