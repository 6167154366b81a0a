package dev.perfharness.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the service talks to Redis, named after seed 001's variables.
 *
 * @param address      set for the external environment; the others pick their own
 * @param binary       embedded environment: empty for the bundled binary, else a redis-server path
 */
public record RedisSettings(
        Optional<HostAndPort> address,
        int poolSize,
        Duration readTimeout,
        Duration writeTimeout,
        int maxRetries,
        Optional<String> binary) {
}
