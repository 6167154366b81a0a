package dev.perfharness.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both Docker clients against the real engine: real calls, real timeouts, and what each does with connections. */
@RequiresDocker
class DockerApiContainerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EngineUnderTest engine;
    private final ServiceMetrics metrics = new ServiceMetrics();

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

    @AfterEach
    void cleanUp() {
        engine.removeLeftovers();
        metrics.close();
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void pingsTheEngineAndTimesTheCall(DockerClientVariant variant) {
        try (DockerApi api = api(variant, engine.address(), Map.of())) {
            String version = api.call(DockerOperation.INSPECT, (client, timeout) -> client.versionCmd().exec().getApiVersion());
            api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());

            assertThat(version).matches("1\\.\\d+");
            assertThat(metrics.registry().get(DockerCallMetrics.CALLS).tag("operation", "ping").tag("outcome", "success").timer().count())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void runsABusyboxContainerFromCreateToRemove(DockerClientVariant variant) {
        String name = engine.namePrefix() + variant.name().toLowerCase();
        try (DockerApi api = api(variant, engine.address(), Map.of())) {
            String id = create(api, name, "echo on the host network; exit 3");
            api.call(DockerOperation.START, (client, timeout) -> client.startContainerCmd(id).exec());
            int exitCode = api.call(DockerOperation.WAIT, (client, timeout) -> {
                try (WaitContainerResultCallback exit = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
                    return AsyncCommands.await(exit, timeout).awaitStatusCode();
                }
            });
            String network = api.call(DockerOperation.INSPECT, (client, timeout) -> client.inspectContainerCmd(id).exec().getHostConfig().getNetworkMode());
            api.call(DockerOperation.REMOVE, (client, timeout) -> client.removeContainerCmd(id).exec());

            assertThat(exitCode).isEqualTo(3);
            assertThat(network).isEqualTo("host");
            assertThatThrownBy(() -> api.call(DockerOperation.INSPECT, (client, timeout) -> client.inspectContainerCmd(id).exec()))
                    .isInstanceOfSatisfying(DockerApiException.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.ENGINE_ERROR);
                        assertThat(failure.getCause()).isInstanceOf(NotFoundException.class);
                    })
                    .hasMessageStartingWith("docker inspect failed at " + engine.address() + ": the engine answered 404: No such container");
            assertThat(engine.leftovers()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DockerClientVariant.class)
    void aWaitLongerThanItsTimeoutIsATimeout(DockerClientVariant variant) {
        String name = engine.namePrefix() + "sleep-" + variant.name().toLowerCase();
        try (DockerApi api = api(variant, engine.address(), Map.of("docker.timeout.start", "1500ms"))) {
            String id = create(api, name, "sleep 60");
            api.call(DockerOperation.START, (client, timeout) -> client.startContainerCmd(id).exec());

            assertThatThrownBy(() -> api.call(DockerOperation.WAIT, (client, timeout) -> {
                try (WaitContainerResultCallback exit = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
                    return AsyncCommands.await(exit, timeout).awaitStatusCode();
                }
            })).isInstanceOfSatisfying(DockerApiException.class, failure -> {
                assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                assertThat(failure.operation()).isEqualTo(DockerOperation.WAIT);
            }).hasMessage("docker wait got no answer from " + engine.address() + " within 1.500s (its timeout)");

            // The engine is fine: the next call, on a stop timeout, answers.
            boolean running = api.call(DockerOperation.INSPECT, (client, timeout) -> client.inspectContainerCmd(id).exec().getState().getRunning());
            assertThat(running).isTrue();
        }
    }

    @Test
    void thePerCallClientOpensAConnectionForEveryCallAndClosesIt() {
        try (EngineProxy proxy = EngineProxy.start(engine.address());
             DockerApi api = api(DockerClientVariant.PER_CALL, proxy.address(), Map.of())) {
            for (int i = 0; i < 3; i++) {
                api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());
            }

            assertThat(proxy.accepted()).isEqualTo(3);
            await().atMost(WAIT).until(() -> proxy.open() == 0);
        }
    }

    @Test
    void thePooledClientReusesOneConnectionForCallsOneAfterAnother() {
        try (EngineProxy proxy = EngineProxy.start(engine.address());
             DockerApi api = api(DockerClientVariant.POOLED, proxy.address(), Map.of())) {
            for (int i = 0; i < 3; i++) {
                api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());
            }

            assertThat(proxy.accepted()).isEqualTo(1);
            assertThat(proxy.open()).isEqualTo(1);
            assertThat(metrics.registry().get(PooledDockerApi.POOL_CONNECTIONS).tag("state", "available").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void thePooledClientClosesAConnectionIdleForTheIdleTimeout() {
        try (EngineProxy proxy = EngineProxy.start(engine.address());
             DockerApi api = api(DockerClientVariant.POOLED, proxy.address(), Map.of("docker.pool.idle-timeout", "600ms"))) {
            api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());
            assertThat(proxy.open()).isEqualTo(1);

            await().atMost(WAIT).until(() -> proxy.open() == 0);
            api.call(DockerOperation.PING, (client, timeout) -> client.pingCmd().exec());
            assertThat(proxy.accepted()).isEqualTo(2);
        }
    }

    private String create(DockerApi api, String name, String script) {
        return api.call(DockerOperation.CREATE, (client, timeout) -> client.createContainerCmd(engine.busybox())
                .withName(name)
                .withCmd("sh", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
                .exec()
                .getId());
    }

    private DockerApi api(DockerClientVariant variant, String address, Map<String, String> overrides) {
        return DockerApis.create(DockerTestSettings.of(variant, overrides), address, metrics);
    }
}
