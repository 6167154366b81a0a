package dev.perfharness.env;

import dev.perfharness.config.EnvironmentName;
import java.util.Optional;

/**
 * A running set of the services the reference service needs: Redis, and where one can be had, a
 * Docker engine and a Kubernetes API. Closing it stops whatever it started and nothing else.
 */
public interface Environment extends AutoCloseable {

    EnvironmentName name();

    /** Where each service answers; valid until {@link #close()}. */
    Endpoints endpoints();

    /** A switch for Redis, when this environment runs Redis itself and can stop and restart it. */
    default Optional<RedisSwitch> redisSwitch() {
        return Optional.empty();
    }

    /** Stops what this environment started. Idempotent. */
    @Override
    void close();
}
