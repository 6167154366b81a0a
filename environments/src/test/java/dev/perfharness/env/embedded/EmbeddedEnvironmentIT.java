package dev.perfharness.env.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedEnvironmentIT {
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void startsARealRedisOnLoopbackAndStopsIt() {
        long pid;
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            assertThat(environment.endpoints().redis().host()).isEqualTo("127.0.0.1");
            assertThat(RedisPing.ping(environment.endpoints().redis(), PING_TIMEOUT)).isEqualTo("PONG");
            pid = environment.redis().pid();
            assertThat(environment.endpoints().processes()).containsExactly(pid);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    }

    @Test
    void redisCanBeStoppedAndStartedAgainOnTheSamePort() {
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            var address = environment.endpoints().redis();
            environment.redis().stop();
            assertThatThrownBy(() -> RedisPing.ping(address, PING_TIMEOUT)).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining(address.toString());

            environment.redis().start();

            assertThat(RedisPing.ping(address, PING_TIMEOUT)).isEqualTo("PONG");
        }
    }

    @Test
    void aPortInUseFailsWithRedisServersOwnWords() {
        try (EmbeddedEnvironment first = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            Path binary = RedisBinary.locate(Optional.empty());
            try (RedisServerProcess second = new RedisServerProcess(binary, first.endpoints().redis().port())) {
                assertThatThrownBy(second::start)
                        .isInstanceOf(EnvironmentException.class)
                        .hasMessageContaining("did not start")
                        .hasMessageContaining("Address already in use");
            }
        }
    }

    @Test
    void aConfiguredBinaryThatIsNotExecutableIsNamed() {
        assertThatThrownBy(() -> RedisBinary.locate(Optional.of("/nonexistent/redis-server")))
                .hasMessageContaining("redis.binary = \"/nonexistent/redis-server\"");
    }
}
