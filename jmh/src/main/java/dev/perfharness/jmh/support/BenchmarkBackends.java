package dev.perfharness.jmh.support;

import dev.perfharness.config.HostAndPort;

/**
 * The addresses a benchmark fork was handed by the suite runner ({@link Backend#property()}).
 * Reading one that is absent fails the benchmark with what to do instead of a connection error later.
 */
public final class BenchmarkBackends {
    private BenchmarkBackends() {
    }

    public static HostAndPort redis() {
        return HostAndPort.parse(require(Backend.REDIS));
    }

    /** The engine's address as docker-java takes it, e.g. {@code unix:///var/run/docker.sock}. */
    public static String dockerHost() {
        return require(Backend.DOCKER);
    }

    public static HostAndPort registry() {
        return HostAndPort.parse(require(Backend.REGISTRY));
    }

    public static boolean has(Backend backend) {
        String value = System.getProperty(backend.property());
        return value != null && !value.isBlank();
    }

    private static String require(Backend backend) {
        String value = System.getProperty(backend.property());
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("this benchmark needs " + backend.description() + " and the system property "
                    + backend.property() + " is not set; run it with bin/harness jmh, which starts the environment");
        }
        return value;
    }
}
