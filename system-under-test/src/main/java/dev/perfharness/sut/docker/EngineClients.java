package dev.perfharness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;

/** Builds docker-java clients on the zerodep transport (Apache HttpClient 5, shaded) for one engine. */
final class EngineClients {
    /** Connecting to a local socket takes microseconds; two seconds only bounds a remote engine that is down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String engine;
    private final DefaultDockerClientConfig config;

    /**
     * @param engine the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://127.0.0.1:2375})
     * @throws IllegalArgumentException when docker-java cannot use the address
     */
    EngineClients(String engine) {
        this.engine = engine;
        try {
            this.config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(engine).build();
            // Building a transport checks the scheme without connecting: a bad address fails here, not on the first call.
            transport(1, CONNECT_TIMEOUT).close();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("docker-java cannot use the engine address \"%s\": %s".formatted(engine, e.getMessage()), e);
        }
    }

    /**
     * A transport of at most {@code maxConnections} connections whose socket reads give up after
     * {@code responseTimeout} (a backstop; {@link TimedCalls} enforces each operation's timeout).
     */
    ZerodepDockerHttpClient transport(int maxConnections, Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT.compareTo(responseTimeout) < 0 ? CONNECT_TIMEOUT : responseTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    DockerClient client(ZerodepDockerHttpClient transport) {
        return DockerClientImpl.getInstance(config, transport);
    }

    String engine() {
        return engine;
    }
}
