package dev.perfharness.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pooled client's breaker against the real engine behind {@link EngineProxy}: the proxy falls silent
 * (accepts, never answers) and answers again; dockerd itself is never touched. Short settings: 3 failures
 * open the breaker, 1 s until half-open, 300 ms per ping.
 */
@RequiresDocker
class CircuitBreakerContainerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> SHORT = Map.of(
            "docker.breaker.failures", "3",
            "docker.breaker.open-for", "1s",
            "docker.timeout.stop", "300ms");

    private static EngineUnderTest engine;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private EngineProxy proxy;
    private PooledDockerApi api;

    @BeforeAll
    static void findEngine() {
        engine = EngineUnderTest.find();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void startProxyAndClient() {
        proxy = EngineProxy.start(engine.address());
        api = (PooledDockerApi) DockerApis.create(DockerTestSettings.of(DockerClientVariant.POOLED, SHORT), proxy.address(), metrics);
    }

    @AfterEach
    void stop() {
        api.close();
        proxy.close();
        metrics.close();
    }

    @Test
    void opensWhenTheEngineFallsSilentFailsFastWhileOpenAndClosesOnceItAnswersAgain() {
        ping();
        assertThat(breakerGauge()).isEqualTo(0.0);

        proxy.silence();
        for (int i = 0; i < 3; i++) {
            assertThat(reasonOfFailedPing()).isEqualTo(Reason.TIMEOUT);
        }
        assertThat(breakerGauge()).isEqualTo(1.0);

        // Every timed-out call dropped its connection; from here on nothing may reach the proxy.
        await().atMost(WAIT).until(() -> proxy.open() == 0);
        long bytesBefore = proxy.bytesFromClients();
        int connectionsBefore = proxy.accepted();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(this::ping)
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.CIRCUIT_OPEN))
                    .hasMessageContaining("the circuit breaker for " + proxy.address() + " is open after 3 consecutive failures");
        }
        assertThat(proxy.bytesFromClients()).isEqualTo(bytesBefore);
        assertThat(proxy.accepted()).isEqualTo(connectionsBefore);
        assertThat(metrics.registry().get(DockerCallMetrics.REFUSED).tag("by", "breaker").counter().count()).isEqualTo(5.0);

        proxy.answer();
        await().atMost(WAIT).until(() -> breakerGauge() == 2.0);
        ping();

        assertThat(breakerGauge()).isEqualTo(0.0);
        ping();
    }

    @Test
    void aFailedTrialCallOpensItAgain() {
        proxy.silence();
        for (int i = 0; i < 3; i++) {
            reasonOfFailedPing();
        }
        await().atMost(WAIT).until(() -> breakerGauge() == 2.0);

        assertThat(reasonOfFailedPing()).isEqualTo(Reason.TIMEOUT);

        assertThat(breakerGauge()).isEqualTo(1.0);
        assertThat(reasonOfFailedPing()).isEqualTo(Reason.CIRCUIT_OPEN);
    }

    private void ping() {
        api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());
    }

    private Reason reasonOfFailedPing() {
        try {
            ping();
        } catch (DockerApiException e) {
            return e.reason();
        }
        throw new AssertionError("the ping through the silent proxy succeeded");
    }

    private double breakerGauge() {
        return metrics.registry().get(PooledDockerApi.BREAKER_STATE).gauge().value();
    }
}
