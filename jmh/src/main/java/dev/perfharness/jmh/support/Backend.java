package dev.perfharness.jmh.support;

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

    /** The system property that carries this backend's address into a benchmark fork. */
    public String property() {
        return property;
    }

    public String description() {
        return description;
    }
}
