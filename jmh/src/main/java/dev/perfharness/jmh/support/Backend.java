package dev.perfharness.jmh.support;

import dev.perfharness.env.Endpoints;
import java.util.EnumMap;
import java.util.Map;

/**
 * A server a benchmark talks to. The suite runner starts the environment once, in its own JVM, and
 * hands each fork the addresses as system properties, so every fork measures against the same Redis,
 * engine and registry and none of them pays for starting one.
 */
public enum Backend {
    REDIS("perfharness.bench.redis", "Redis"),
    DOCKER("perfharness.bench.docker", "a Docker engine"),
    REGISTRY("perfharness.bench.registry", "the local image registry");

    private final String property;
    private final String description;

    Backend(String property, String description) {
        this.property = property;
        this.description = description;
    }

    /** The address of each backend the environment has: Redis always, the engine and registry when there. */
    public static Map<Backend, String> addressesIn(Endpoints endpoints) {
        Map<Backend, String> addresses = new EnumMap<>(Backend.class);
        addresses.put(REDIS, endpoints.redis().toString());
        endpoints.docker().address().ifPresent(address -> addresses.put(DOCKER, address));
        endpoints.registry().address().ifPresent(address -> addresses.put(REGISTRY, address));
        return addresses;
    }

    /** The system property that carries this backend's address into a benchmark fork. */
    public String property() {
        return property;
    }

    public String description() {
        return description;
    }
}
