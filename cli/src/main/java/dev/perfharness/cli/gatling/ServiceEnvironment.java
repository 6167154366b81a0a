package dev.perfharness.cli.gatling;

import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Environment;
import dev.perfharness.env.Environments;
import dev.perfharness.env.RedisSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis, engine and registry every service JVM of a load run uses: acquired once in the
 * orchestrator and handed to each service as an external environment, so that the variants meet the
 * same backends and the orchestrator can take Redis away during a run.
 */
final class ServiceEnvironment implements AutoCloseable {
    private final Endpoints endpoints;
    private final Optional<RedisSwitch> redisSwitch;
    private final AutoCloseable owner;
    private final String description;

    private ServiceEnvironment(Endpoints endpoints, Optional<RedisSwitch> redisSwitch, AutoCloseable owner, String description) {
        this.endpoints = endpoints;
        this.redisSwitch = redisSwitch;
        this.owner = owner;
        this.description = description;
    }

    /**
     * The environment that is up, or one started for the run. A run that stops Redis gets an
     * environment of its own, never one another process holds.
     *
     * @throws IllegalStateException when Redis must be stopped and the environment cannot do it
     */
    static ServiceEnvironment acquire(HarnessSettings settings, SettingsOptions options, boolean stopsRedis) {
        if (!stopsRedis) {
            EnvironmentLease lease = EnvironmentLease.acquire(settings, options);
            return new ServiceEnvironment(lease.endpoints(), lease.redisSwitch(), lease, lease.description());
        }
        Environment own = Environments.start(settings);
        Optional<RedisSwitch> redisSwitch = own.redisSwitch();
        if (redisSwitch.isEmpty()) {
            own.close();
            throw new IllegalStateException("CacheOutage stops and restarts Redis, which the " + own.name().label()
                    + " environment cannot do; run it with --env embedded");
        }
        return new ServiceEnvironment(own.endpoints(), redisSwitch, own,
                "started for this run (" + own.name().label() + ", Redis under the run's control); it stops at the end");
    }

    String description() {
        return description;
    }

    Optional<RedisSwitch> redisSwitch() {
        return redisSwitch;
    }

    RedisSwitch requireRedisSwitch() {
        return redisSwitch.orElseThrow(() -> new IllegalStateException("this environment's Redis cannot be stopped"));
    }

    /** {@code harness sut} arguments: these backends as an external environment, then {@code settings}. */
    List<String> serviceArguments(Map<String, String> settings) {
        List<String> arguments = new ArrayList<>(List.of("--env", "external", "--set", "redis.addr=" + endpoints.redis()));
        endpoints.docker().address().ifPresent(docker -> arguments.addAll(List.of("--set", "docker.host=" + docker)));
        endpoints.registry().address().ifPresent(registry -> arguments.addAll(List.of("--set", "registry.addr=" + registry)));
        endpoints.kubernetes().address().ifPresent(kubeconfig -> arguments.addAll(List.of("--set", "kube.config=" + kubeconfig)));
        settings.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        return arguments;
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
