package dev.perfharness.env.containers;

import dev.perfharness.config.ContainerSettings.NetworkMode;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.FreePorts;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Redis in a container, with persistence off.
 *
 * <p>Under bridge networking Redis listens on 6379 inside the container and Testcontainers maps it to
 * a free host port. Under host networking there is no mapping: Redis binds a free port on 127.0.0.1
 * itself, so every byte stays on the host's loopback.
 */
public class RedisContainer extends GenericContainer<RedisContainer> {
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("redis");
    public static final int REDIS_PORT = 6379;

    private final NetworkMode networkMode;
    private final int port;

    public RedisContainer(DockerImageName image, NetworkMode networkMode) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        this.networkMode = networkMode;
        if (networkMode == NetworkMode.HOST) {
            port = FreePorts.onLoopback();
            withNetworkMode("host");
            // Arguments that start with "--": the official image's entrypoint prefixes redis-server.
            withCommand("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        } else {
            port = REDIS_PORT;
            withExposedPorts(REDIS_PORT);
            withCommand("--save", "", "--appendonly", "no");
        }
        waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
    }

    /** Where Redis answers from the host. */
    public HostAndPort address() {
        return networkMode == NetworkMode.HOST
                ? new HostAndPort("127.0.0.1", port)
                : new HostAndPort(getHost(), getMappedPort(REDIS_PORT));
    }
}
