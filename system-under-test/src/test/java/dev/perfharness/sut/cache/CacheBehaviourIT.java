package dev.perfharness.sut.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.TestService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache-aside against a real redis-server, through the service's HTTP API. */
class CacheBehaviourIT {

    private static String cacheHeader(HttpResponse<String> response) {
        return response.headers().firstValue("X-Cache").orElse("absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aside", "aside-singleflight"})
    void aMissIsStoredInTheBackgroundWithItsTtlThenHits(String variant) {
        try (TestService service = TestService.start(Map.of("cache", variant));
             RedisKeys redis = new RedisKeys(service.environment().endpoints().redis())) {
            HttpResponse<String> first = service.http().get("/api/v1/images/pull-active");

            assertThat(cacheHeader(first)).isEqualTo("miss");
            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:active") == 1);
            assertThat(redis.commands().pttl("image:pull:active")).isBetween(1L, 5_000L);
            assertThat(redis.commands().get("image:pull:active")).isEqualTo(first.body());
            HttpResponse<String> second = service.http().get("/api/v1/images/pull-active");
            assertThat(cacheHeader(second)).isEqualTo("hit");
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    @Test
    void eachLimitHasItsOwnKeyAndTheFailedTtl() {
        try (TestService service = TestService.start(Map.of("cache", "aside"));
             RedisKeys redis = new RedisKeys(service.environment().endpoints().redis())) {
            String five = service.http().get("/api/v1/images/pull-failed?limit=5").body();
            String six = service.http().get("/api/v1/images/pull-failed?limit=6").body();

            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:failed:5", "image:pull:failed:6") == 2);
            assertThat(redis.commands().get("image:pull:failed:5")).isEqualTo(five);
            assertThat(redis.commands().get("image:pull:failed:6")).isEqualTo(six).isNotEqualTo(five);
            assertThat(redis.commands().pttl("image:pull:failed:5")).isBetween(25_000L, 30_000L);
        }
    }

    @Test
    void anExpiredKeyIsAMissAgain() {
        try (TestService service = TestService.start(Map.of("cache", "aside", "cache.active-ttl", "300ms"));
             RedisKeys redis = new RedisKeys(service.environment().endpoints().redis())) {
            service.http().get("/api/v1/images/pull-active");
            await().atMost(Duration.ofSeconds(2)).until(() -> cacheHeader(service.http().get("/api/v1/images/pull-active")).equals("hit"));

            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:active") == 0);

            assertThat(cacheHeader(service.http().get("/api/v1/images/pull-active"))).isEqualTo("miss");
        }
    }

    @Test
    void withoutACacheEveryRequestListsTheTracker() {
        try (TestService service = TestService.start(Map.of("cache", "none"))) {
            long before = service.service().tracker().scans();
            for (int i = 0; i < 5; i++) {
                assertThat(cacheHeader(service.http().get("/api/v1/images/pull-active"))).isEqualTo("none");
            }
            assertThat(service.service().tracker().scans() - before).isEqualTo(5);
        }
    }

    @Test
    void singleFlightListsOnceForAHundredConcurrentRequestsOnAnExpiredKey() throws Exception {
        try (TestService service = TestService.start(Map.of("cache", "aside-singleflight", "tracker.jobs", "50000"));
             RedisKeys redis = new RedisKeys(service.environment().endpoints().redis())) {
            service.http().get("/api/v1/images/pull-active");
            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:active") == 1);
            redis.commands().del("image:pull:active");
            long before = service.service().tracker().scans();

            List<HttpResponse<String>> responses = concurrently(100, () -> service.http().get("/api/v1/images/pull-active"));

            assertThat(responses).allMatch(response -> response.statusCode() == 200);
            assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.getFirst().body());
            assertThat(service.service().tracker().scans() - before).isEqualTo(1);
        }
    }

    @Test
    void earlyRefreshRenewsAPolledKeyBeforeItExpires() {
        try (TestService service = TestService.start(Map.of("cache", "aside-singleflight", "cache.active-ttl", "2s",
                "cache.early-refresh", "0.5"));
             RedisKeys redis = new RedisKeys(service.environment().endpoints().redis())) {
            service.http().get("/api/v1/images/pull-active");
            await().atMost(Duration.ofSeconds(2)).until(() -> redis.commands().exists("image:pull:active") == 1);
            long scans = service.service().tracker().scans();

            // Less than half of the 2 s TTL left: served from Redis, refreshed in the background.
            await().atMost(Duration.ofSeconds(3)).until(() -> redis.commands().pttl("image:pull:active") < 900);
            assertThat(cacheHeader(service.http().get("/api/v1/images/pull-active"))).isEqualTo("hit");

            await().atMost(Duration.ofSeconds(2)).until(() -> service.service().tracker().scans() == scans + 1
                    && redis.commands().pttl("image:pull:active") > 1_500);
            assertThat(service.service().metrics().scrape()).contains("cache_refreshes_total{family=\"active\"} 1.0");
        }
    }

    static <T> List<T> concurrently(int count, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
