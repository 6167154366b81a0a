package dev.perfharness.sut;

import dev.perfharness.config.HostAndPort;
import io.fabric8.kubernetes.client.Config;
import java.util.Optional;

/**
 * The outside services the reference service talks to, as the environment provides them.
 *
 * @param redis       always present
 * @param dockerHost  the Docker engine ({@code unix:///var/run/docker.sock}, {@code tcp://...}), when one answers
 * @param kubernetes  how to reach a Kubernetes API (k3s, a kubeconfig, a mock server), when there is one
 * @param registry    the image registry the engine pulls from, when there is one ({@code registry.addr} wins over it)
 */
public record Backends(HostAndPort redis, Optional<String> dockerHost, Optional<Config> kubernetes, Optional<HostAndPort> registry) {

    public static Backends redisOnly(HostAndPort redis) {
        return new Backends(redis, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Backends withDocker(String host) {
        return new Backends(redis, Optional.of(host), kubernetes, registry);
    }

    public Backends withKubernetes(Config config) {
        return new Backends(redis, dockerHost, Optional.of(config), registry);
    }

    public Backends withRegistry(HostAndPort address) {
        return new Backends(redis, dockerHost, kubernetes, Optional.of(address));
    }
}
