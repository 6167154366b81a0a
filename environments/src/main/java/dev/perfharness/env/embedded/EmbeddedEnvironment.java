package dev.perfharness.env.embedded;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.Environment;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.FreePorts;
import java.nio.file.Path;
import java.util.List;

/**
 * The default environment: a real redis-server on a free loopback port, the local Docker engine when
 * one answers, and no Kubernetes API (the fabric8 mock server serves functional tests instead).
 */
public final class EmbeddedEnvironment implements Environment {
    private static final int PORT_ATTEMPTS = 3;

    private final RedisServerProcess redis;
    private final Availability docker;

    private EmbeddedEnvironment(RedisServerProcess redis, Availability docker) {
        this.redis = redis;
        this.docker = docker;
    }

    /**
     * Starts redis-server on a free port, trying another port when one was taken in between.
     *
     * @throws EnvironmentException when no redis-server can be found or none starts
     */
    public static EmbeddedEnvironment start(HarnessSettings settings) {
        Path binary = RedisBinary.locate(settings.redis().binary());
        EnvironmentException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            RedisServerProcess redis = new RedisServerProcess(binary, FreePorts.onLoopback());
            try {
                redis.start();
                return new EmbeddedEnvironment(redis, DockerEngine.probe(settings.external().dockerHost()));
            } catch (EnvironmentException e) {
                redis.close();
                last = e;
            }
        }
        throw last;
    }

    @Override
    public EnvironmentName name() {
        return EnvironmentName.EMBEDDED;
    }

    /** The redis-server this environment runs, for tests that take it away and bring it back. */
    public RedisServerProcess redis() {
        return redis;
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(redis.address(), docker,
                Availability.absent("not run: the embedded environment has no Kubernetes API (use testcontainers with k3s, or external)"),
                redis.isRunning() ? List.of(redis.pid()) : List.of(),
                List.of());
    }

    @Override
    public void close() {
        redis.close();
    }
}
