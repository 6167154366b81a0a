package dev.perfharness.config;

/**
 * How the testcontainers environment runs its containers.
 *
 * @param network      bridge networking with mapped ports, or the host's network (loopback only machines)
 * @param pullPolicy   whether a missing image may be pulled
 * @param ryukEnabled  whether Testcontainers' reaper is expected; it cannot run where its image cannot be pulled
 */
public record ContainerSettings(
        NetworkMode network,
        PullPolicy pullPolicy,
        boolean ryukEnabled,
        String redisImage,
        String busyboxImage,
        String registryImage,
        String k3sImage,
        boolean k3sEnabled) {

    public enum NetworkMode { BRIDGE, HOST }

    public enum PullPolicy { MISSING, NEVER }
}
