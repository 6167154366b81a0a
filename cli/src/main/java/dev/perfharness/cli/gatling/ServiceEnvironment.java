package dev.perfharness.cli.gatling;

import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.RedisSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis, engine and registry every service JVM of a load run uses: acquired once by the command
 * and handed to each service as an external environment, so that the variants meet the same backends
 * and the orchestrator can take Redis away during a run (when the lease started that Redis).
 */
final class ServiceEnvironment {
    private final EnvironmentLease lease;

    ServiceEnvironment(EnvironmentLease lease) {
        this.lease = lease;
    }

    Optional<RedisSwitch> redisSwitch() {
        return lease.redisSwitch();
    }

    RedisSwitch requireRedisSwitch() {
        return redisSwitch().orElseThrow(() -> new IllegalStateException("this environment's Redis cannot be stopped"));
    }

    /** {@code harness sut} arguments: these backends as an external environment, then {@code settings}. */
    List<String> serviceArguments(Map<String, String> settings) {
        Endpoints endpoints = lease.endpoints();
        List<String> arguments = new ArrayList<>(List.of("--env", "external", "--set", "redis.addr=" + endpoints.redis()));
        endpoints.docker().address().ifPresent(docker -> arguments.addAll(List.of("--set", "docker.host=" + docker)));
        endpoints.registry().address().ifPresent(registry -> arguments.addAll(List.of("--set", "registry.addr=" + registry)));
        endpoints.kubernetes().address().ifPresent(kubeconfig -> arguments.addAll(List.of("--set", "kube.config=" + kubeconfig)));
        settings.forEach((key, value) -> arguments.addAll(List.of("--set", key + "=" + value)));
        return arguments;
    }
}
