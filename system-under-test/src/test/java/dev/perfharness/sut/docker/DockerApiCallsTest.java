package dev.perfharness.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.config.DockerSettings;
import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.env.FreePorts;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both clients without an engine: against a closed port (unreachable), or with calls whose body never
 * touches the engine, to hold timeouts, failures, the breaker and the bulkhead to account.
 */
class DockerApiCallsTest {
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final String closedPort = "tcp://127.0.0.1:" + FreePorts.onLoopback();

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void aCallLongerThanItsTimeoutIsATimeoutAndIsInterrupted(DockerClientVariant variant) throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (DockerApi api = api(variant, Map.of("docker.timeout.stop", "200ms"))) {
            assertThatThrownBy(() -> api.call(DockerOperation.PING, (client, timeout) -> sleepUntilInterrupted(interrupted)))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(failure.operation()).isEqualTo(DockerOperation.PING);
                        assertThat(failure).hasMessage("docker ping got no answer from " + closedPort + " within 200ms (its timeout)");
                    });
        }
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the abandoned call's thread is interrupted").isTrue();
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void theFixedTimeoutReplacesThePerOperationOnes(DockerClientVariant variant) {
        try (DockerApi api = api(variant, Map.of("docker.timeouts", "fixed", "docker.timeout.fixed", "150ms", "docker.timeout.stop", "1m"))) {
            assertThatThrownBy(() -> api.call(DockerOperation.STOP, (client, timeout) -> sleepUntilInterrupted(new CountDownLatch(1))))
                    .hasMessageContaining("within 150ms");
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void theCallIsGivenItsOperationsTimeout(DockerClientVariant variant) {
        try (DockerApi api = api(variant, Map.of("docker.timeout.pull", "7m", "docker.timeout.stop", "11s"))) {
            Duration pull = api.call(DockerOperation.PULL, (client, timeout) -> timeout);
            Duration remove = api.call(DockerOperation.REMOVE, (client, timeout) -> timeout);

            assertThat(pull).isEqualTo(Duration.ofMinutes(7));
            assertThat(remove).isEqualTo(Duration.ofSeconds(11));
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void anEngineThatCannotBeReachedIsUnreachable(DockerClientVariant variant) {
        try (DockerApi api = api(variant, Map.of())) {
            assertThatThrownBy(() -> ping(api))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE))
                    .hasMessageStartingWith("docker ping could not reach the engine at " + closedPort + ": ");
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void everyCallIsTimedByOperationAndOutcomeAndInTheOperationsHistogram(DockerClientVariant variant) {
        try (DockerApi api = api(variant, Map.of())) {
            api.call(DockerOperation.INSPECT, (client, timeout) -> "answer");
            assertThatThrownBy(() -> ping(api)).isInstanceOf(DockerApiException.class);

            assertThat(callCount("inspect", "success")).isEqualTo(1);
            assertThat(callCount("ping", "unreachable")).isEqualTo(1);
            assertThat(metrics.latencies().intervalLog()).contains("Tag=docker.inspect,", "Tag=docker.ping,");
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void anInterruptedCallerGetsACancellationAndKeepsItsInterrupt(DockerClientVariant variant) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        try (DockerApi api = api(variant, Map.of())) {
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    api.call(DockerOperation.WAIT, (client, timeout) -> {
                        running.countDown();
                        return sleepUntilInterrupted(new CountDownLatch(1));
                    });
                } catch (RuntimeException e) {
                    thrown.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(Duration.ofSeconds(5));
        }
        assertThat(thrown.get()).isInstanceOfSatisfying(DockerApiException.class,
                failure -> assertThat(failure.reason()).isEqualTo(Reason.CANCELLED));
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void thePooledTransportHoldsTheSeedsConnectionLimits() {
        try (PooledDockerApi api = pooled(Map.of())) {
            assertThat(api.maxTotal()).isEqualTo(100);
            assertThat(api.maxPerRoute()).isEqualTo(50);
        }
    }

    @Test
    void thePerHostLimitNeverExceedsTheTotal() {
        try (PooledDockerApi api = pooled(Map.of("docker.pool.max-connections", "8", "docker.pool.max-per-host", "20"))) {
            assertThat(api.maxTotal()).isEqualTo(8);
            assertThat(api.maxPerRoute()).isEqualTo(8);
        }
    }

    @Test
    void consecutiveUnreachableCallsOpenTheBreakerWhichThenRefusesWithoutCalling() {
        try (PooledDockerApi api = pooled(Map.of("docker.breaker.failures", "3", "docker.breaker.open-for", "1m"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(api.breakerState()).isZero();
                assertThatThrownBy(() -> ping(api)).isInstanceOf(DockerApiException.class);
            }
            AtomicInteger bodies = new AtomicInteger();

            assertThatThrownBy(() -> api.call(DockerOperation.PING, (client, timeout) -> bodies.incrementAndGet()))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.CIRCUIT_OPEN))
                    .hasMessage("docker ping refused: the circuit breaker for " + closedPort
                            + " is open after 3 consecutive failures, and lets a trial call through 1m after opening");
            assertThat(bodies).hasValue(0);
            assertThat(api.breakerState()).isEqualTo(1);
            assertThat(metrics.registry().get(PooledDockerApi.BREAKER_STATE).gauge().value()).isEqualTo(1.0);
            assertThat(metrics.registry().get(DockerCallMetrics.REFUSED).tag("by", "breaker").counter().count()).isEqualTo(1.0);
            assertThat(callCount("ping", "circuit_open")).isEqualTo(1);
        }
    }

    @Test
    void theGuardAloneRunsTheBodyOnTheCallersThreadAndRefusesItWhileTheBreakerIsOpen() {
        try (PooledDockerApi api = pooled(Map.of("docker.breaker.failures", "3", "docker.breaker.open-for", "1m"))) {
            assertThat(api.guard(DockerOperation.PING, () -> Thread.currentThread())).isSameAs(Thread.currentThread());
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> ping(api)).isInstanceOf(DockerApiException.class);
            }
            AtomicInteger bodies = new AtomicInteger();

            assertThatThrownBy(() -> api.guard(DockerOperation.PING, bodies::incrementAndGet))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
            // Clean-up bypasses the breaker, not the bulkhead.
            assertThat(api.guard(DockerOperation.REMOVE, bodies::incrementAndGet)).isEqualTo(1);
        }
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        try (PooledDockerApi api = pooled(Map.of("docker.breaker.failures", "3"))) {
            for (int round = 0; round < 3; round++) {
                assertThatThrownBy(() -> ping(api)).isInstanceOf(DockerApiException.class);
                assertThatThrownBy(() -> ping(api)).isInstanceOf(DockerApiException.class);
                api.call(DockerOperation.INSPECT, (client, timeout) -> "answered");
            }
            assertThat(api.breakerState()).isZero();
        }
    }

    @Test
    void engineErrorsAreAnswersAndNeverOpenTheBreaker() {
        try (PooledDockerApi api = pooled(Map.of("docker.breaker.failures", "3"))) {
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> api.call(DockerOperation.INSPECT, (client, timeout) -> {
                    throw new NotFoundException("Status 404: {\"message\":\"No such container: x\"}");
                })).isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.ENGINE_ERROR));
            }
            assertThat(api.breakerState()).isZero();
        }
    }

    @Test
    void aFullBulkheadRefusesTheNextCallAtOnce() throws InterruptedException {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (PooledDockerApi api = pooled(Map.of("docker.bulkhead", "1"))) {
            Thread first = Thread.ofVirtual().start(() -> api.call(DockerOperation.PING, (client, timeout) -> {
                inFlight.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
            AtomicInteger bodies = new AtomicInteger();

            assertThatThrownBy(() -> api.call(DockerOperation.PING, (client, timeout) -> bodies.incrementAndGet()))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.BULKHEAD_FULL))
                    .hasMessage("docker ping refused: 1 calls to " + closedPort + " are in flight already (docker.bulkhead=1)");

            release.countDown();
            first.join(Duration.ofSeconds(5));
            assertThat(bodies).hasValue(0);
            assertThat(metrics.registry().get(DockerCallMetrics.REFUSED).tag("by", "bulkhead").counter().count()).isEqualTo(1.0);
            int afterwards = api.call(DockerOperation.PING, (client, timeout) -> bodies.incrementAndGet());
            assertThat(afterwards).isEqualTo(1);
        }
    }

    @Test
    void closingThePooledClientRemovesItsGauges() {
        PooledDockerApi api = pooled(Map.of());
        assertThat(metrics.registry().find(PooledDockerApi.BREAKER_STATE).gauge()).isNotNull();
        assertThat(metrics.registry().find(PooledDockerApi.POOL_CONNECTIONS).gauges()).hasSize(3);

        api.close();

        assertThat(metrics.registry().find(PooledDockerApi.BREAKER_STATE).gauge()).isNull();
        assertThat(metrics.registry().find(PooledDockerApi.POOL_CONNECTIONS).gauges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void anAddressDockerJavaCannotUseIsRefusedAtCreation(DockerClientVariant variant) {
        DockerSettings settings = DockerTestSettings.of(variant, Map.of());

        assertThatThrownBy(() -> DockerApis.create(settings, "ftp://127.0.0.1:21", metrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("docker-java cannot use the engine address \"ftp://127.0.0.1:21\"");
    }

    private static Object ping(DockerApi api) {
        return api.call(DockerOperation.PING, (client, timeout) -> {
            client.pingCmd().exec();
            return null;
        });
    }

    private static Object sleepUntilInterrupted(CountDownLatch interrupted) throws InterruptedException {
        try {
            Thread.sleep(Duration.ofMinutes(1));
            return null;
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    private long callCount(String operation, String outcome) {
        return metrics.registry().get(DockerCallMetrics.CALLS).tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    private DockerApi api(DockerClientVariant variant, Map<String, String> overrides) {
        return DockerApis.create(DockerTestSettings.of(variant, overrides), closedPort, metrics);
    }

    private PooledDockerApi pooled(Map<String, String> overrides) {
        return (PooledDockerApi) api(DockerClientVariant.POOLED, overrides);
    }
}
