package dev.perfharness.sut.cache;

import dev.perfharness.config.HostAndPort;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** A test's own view into Redis, to see what the service stored. */
final class RedisKeys implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisKeys(HostAndPort address) {
        client = RedisClient.create("redis://" + address.host() + ":" + address.port());
        connection = client.connect();
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
