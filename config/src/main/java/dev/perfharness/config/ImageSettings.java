package dev.perfharness.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Pulls through a registry (seeds 000, 002), the registry's auth (seed 002) and build contexts (seed 002).
 *
 * @param registry  empty: the environment's local registry
 */
public record ImageSettings(
        PullVariant pulls,
        int parallelism,
        Optional<HostAndPort> registry,
        AuthVariant auth,
        Duration authTtl,
        String username,
        String password,
        BuildContextVariant buildContext) {

    public enum PullVariant { SEQUENTIAL, PARALLEL }

    public enum AuthVariant { PER_CALL, CACHED }

    public enum BuildContextVariant { IN_MEMORY, STREAMED }
}
