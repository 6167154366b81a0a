package dev.perfharness.env;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.perfharness.env.Endpoints.Availability;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Finds out whether a Docker engine answers, without pulling or starting anything. */
public final class DockerEngine {
    /** Where a local engine listens on Linux when DOCKER_HOST is not set. */
    public static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

    private DockerEngine() {
    }

    /**
     * Pings the engine at {@code host} (the local socket when empty).
     *
     * @return the engine's address with its version, or "not run: no engine" with the reason
     */
    public static Availability probe(Optional<String> host) {
        String address = host.orElse(LOCAL_SOCKET);
        if (address.startsWith("unix://") && !new java.io.File(address.substring("unix://".length())).exists()) {
            return Availability.absent("not run: no engine (no socket at " + address + "; scripts/docker-engine.sh starts one)");
        }
        try (DockerClient client = client(address, Duration.ofSeconds(3))) {
            client.pingCmd().exec();
            String version = client.versionCmd().exec().getVersion();
            return Availability.at(address, "engine " + version);
        } catch (IOException | RuntimeException e) {
            return Availability.absent("not run: no engine answers at " + address + " (" + e.getMessage() + ")");
        }
    }

    /** A docker-java client for {@code address} with the given response timeout. */
    public static DockerClient client(String address, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(address)
                .build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(2))
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
