package dev.perfharness.env.external;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.Environment;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.Registries;
import java.time.Duration;
import java.util.List;

/** Endpoints given by configuration; the harness starts nothing and stops nothing. */
public final class ExternalEnvironment implements Environment {
    private final Endpoints endpoints;

    private ExternalEnvironment(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Checks that the configured Redis answers and records the other endpoints; a Docker engine or a
     * registry that does not answer is reported absent with the reason, not an error.
     *
     * @throws dev.perfharness.config.SettingsException when redis.addr is not set
     * @throws dev.perfharness.env.EnvironmentException when Redis does not answer
     */
    public static ExternalEnvironment connect(HarnessSettings settings) {
        var redis = settings.requireRedisAddress();
        RedisPing.ping(redis, Duration.ofSeconds(2));
        Availability docker = settings.external().dockerHost().isPresent()
                ? DockerEngine.probe(settings.external().dockerHost())
                : Availability.absent("not run: docker.host (DOCKER_HOST) is not set");
        Availability kubernetes = settings.external().kubeconfig()
                .map(path -> Availability.at(path, "kubeconfig"))
                .orElse(Availability.absent("not run: kube.config (KUBECONFIG) is not set"));
        Availability registry = settings.images().registry()
                .map(Registries::configured)
                .orElse(Availability.absent("not run: registry.addr (HARNESS_REGISTRY_ADDR) is not set"));
        return new ExternalEnvironment(new Endpoints(redis, docker, kubernetes, registry, List.of(), List.of()));
    }

    @Override
    public EnvironmentName name() {
        return EnvironmentName.EXTERNAL;
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        // Nothing was started.
    }
}
