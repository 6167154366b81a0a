package dev.perfharness.env.containers;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.perfharness.config.ContainerSettings.NetworkMode;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.Registries;
import dev.perfharness.env.RegistrySeeder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * An image registry (distribution's {@code registry:2}, or a compatible local build) in a container,
 * its blobs on the named volume {@link Registries#STORAGE_VOLUME}, seeded with {@link RegistrySeeder#IMAGES}
 * once it answers.
 *
 * <p>Under host networking it listens on a free port of 127.0.0.1 ({@code REGISTRY_HTTP_ADDR}), so the
 * engine pushes and pulls over the loopback, which it allows over plain HTTP. Under bridge networking it
 * listens on 5000 inside the container and Testcontainers maps that to a host port.
 */
public class RegistryContainer extends GenericContainer<RegistryContainer> {
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("registry");
    public static final int REGISTRY_PORT = 5000;

    private final NetworkMode networkMode;
    private final int port;
    private RegistrySeeder.Seeded seeded;

    public RegistryContainer(DockerImageName image, NetworkMode networkMode) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        this.networkMode = networkMode;
        if (networkMode == NetworkMode.HOST) {
            port = FreePorts.onLoopback();
            withNetworkMode("host");
            withEnv(Registries.ADDRESS_VARIABLE, "127.0.0.1:" + port);
        } else {
            port = REGISTRY_PORT;
            withExposedPorts(REGISTRY_PORT);
            withEnv(Registries.ADDRESS_VARIABLE, "0.0.0.0:" + REGISTRY_PORT);
        }
        withEnv(Registries.DELETE_VARIABLE, "true");
        withCreateContainerCmdModifier(command -> command.getHostConfig()
                .withBinds(new Bind(Registries.STORAGE_VOLUME, new Volume(Registries.STORAGE_PATH))));
        waitingFor(Wait.forLogMessage(".*listening on .*\\n", 1));
    }

    /** Pushes the seed images the registry lacks, with the engine Testcontainers talks to. */
    @Override
    protected void containerIsStarted(com.github.dockerjava.api.command.InspectContainerResponse containerInfo) {
        seeded = new RegistrySeeder(getDockerClient(), address(), Registries.SEED_TIMEOUT).seed();
    }

    /** Where the registry answers from the host, and the name prefix of the images the engine pulls from it. */
    public HostAndPort address() {
        return networkMode == NetworkMode.HOST
                ? new HostAndPort("127.0.0.1", port)
                : new HostAndPort(getHost(), getMappedPort(REGISTRY_PORT));
    }

    /** What the seeding found and pushed; null before the container has started. */
    public RegistrySeeder.Seeded seeded() {
        return seeded;
    }
}
