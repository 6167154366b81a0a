package dev.perfharness.env;

import dev.perfharness.config.HostAndPort;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/** One PING to a Redis endpoint on a fresh connection: the check behind {@code env up} and {@code env status}. */
public final class RedisPing {
    private RedisPing() {
    }

    /**
     * Pings Redis once.
     *
     * @return "PONG" when Redis answers within {@code timeout}
     * @throws EnvironmentException naming the endpoint and the failure otherwise
     */
    public static String ping(HostAndPort redis, Duration timeout) {
        RedisURI uri = RedisURI.builder().withHost(redis.host()).withPort(redis.port()).withTimeout(timeout).build();
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } catch (RuntimeException e) {
            throw new EnvironmentException("Redis at " + redis + " does not answer PING: " + e.getMessage(), e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
