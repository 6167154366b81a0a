package dev.perfharness.env.embedded;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.Environment;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.RedisSwitch;
import dev.perfharness.env.Registries;
import dev.perfharness.env.RegistrySeeder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default environment: a real redis-server on a free loopback port, the local Docker engine when
 * one answers, an image registry on that engine ({@link LocalRegistry}, seeded by {@link RegistrySeeder})
 * unless {@code registry.addr} names one, and no Kubernetes API (the fabric8 mock server serves
 * functional tests instead).
 *
 * <p>Only Redis is required: without an engine, or when the registry cannot start, the registry is
 * reported absent with the reason and everything that needs no registry works as before.
 */
public final class EmbeddedEnvironment implements Environment {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEnvironment.class);
    private static final int PORT_ATTEMPTS = 3;

    private final RedisServerProcess redis;
    private final Availability docker;
    private final Availability registry;
    private final Optional<LocalRegistry> localRegistry;

    private EmbeddedEnvironment(RedisServerProcess redis, Availability docker, Availability registry, Optional<LocalRegistry> localRegistry) {
        this.redis = redis;
        this.docker = docker;
        this.registry = registry;
        this.localRegistry = localRegistry;
    }

    /**
     * Starts redis-server on a free port, trying another port when one was taken in between, then the
     * registry where an engine answers.
     *
     * @throws EnvironmentException when no redis-server can be found or none starts
     */
    public static EmbeddedEnvironment start(HarnessSettings settings) {
        RedisServerProcess redis = startRedis(settings);
        try {
            Availability docker = DockerEngine.probe(settings.external().dockerHost());
            if (settings.images().registry().isPresent()) {
                return new EmbeddedEnvironment(redis, docker, Registries.configured(settings.images().registry().get()), Optional.empty());
            }
            if (!docker.available()) {
                return new EmbeddedEnvironment(redis, docker, Availability.absent(docker.note()), Optional.empty());
            }
            return withLocalRegistry(redis, docker, settings);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    private static RedisServerProcess startRedis(HarnessSettings settings) {
        Path binary = RedisBinary.locate(settings.redis().binary());
        EnvironmentException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            RedisServerProcess redis = new RedisServerProcess(binary, FreePorts.onLoopback());
            try {
                return redis.start();
            } catch (EnvironmentException e) {
                redis.close();
                last = e;
            }
        }
        throw last;
    }

    private static EmbeddedEnvironment withLocalRegistry(RedisServerProcess redis, Availability docker, HarnessSettings settings) {
        LocalRegistry registry;
        try {
            registry = LocalRegistry.start(docker.address().orElseThrow(), settings.containers());
        } catch (EnvironmentException e) {
            log.atWarn().addKeyValue("reason", e.getMessage()).log("the embedded environment runs without a registry");
            return new EmbeddedEnvironment(redis, docker, Availability.absent("not run: " + e.getMessage()), Optional.empty());
        }
        try {
            RegistrySeeder.Seeded seeded = new RegistrySeeder(registry.docker(), registry.address(), Registries.SEED_TIMEOUT).seed();
            Availability available = Availability.at(registry.address().toString(), Registries.note(registry.image(), seeded));
            return new EmbeddedEnvironment(redis, docker, available, Optional.of(registry));
        } catch (RuntimeException e) {
            registry.close();
            log.atWarn().addKeyValue("reason", e.getMessage()).log("the embedded environment runs without a registry: seeding failed");
            return new EmbeddedEnvironment(redis, docker, Availability.absent("not run: seeding the registry failed: " + e.getMessage()),
                    Optional.empty());
        }
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
    public Optional<RedisSwitch> redisSwitch() {
        return Optional.of(redis);
    }

    /** The registry container this environment runs, when it runs one. */
    public Optional<LocalRegistry> localRegistry() {
        return localRegistry;
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(redis.address(), docker,
                Availability.absent("not run: the embedded environment has no Kubernetes API (use testcontainers with k3s, or external)"),
                registry,
                redis.isRunning() ? List.of(redis.pid()) : List.of(),
                localRegistry.map(LocalRegistry::containerId).stream().toList());
    }

    @Override
    public void close() {
        try {
            localRegistry.ifPresent(LocalRegistry::close);
        } finally {
            redis.close();
        }
    }
}
