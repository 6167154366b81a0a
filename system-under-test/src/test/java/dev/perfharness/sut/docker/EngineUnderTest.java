package dev.perfharness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The real engine for a test class: its address, the local busybox image (checked, never pulled), and a
 * plain docker-java client to look behind the client under test and to remove what a test left behind.
 * Containers of one test class share a {@code ph-test-<random>-} name prefix.
 */
public final class EngineUnderTest implements AutoCloseable {
    private final String address;
    private final String busybox;
    private final DockerClient docker;
    private final String namePrefix = "ph-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private EngineUnderTest(String address, String busybox) {
        this.address = address;
        this.busybox = busybox;
        this.docker = DockerEngine.client(address, Duration.ofSeconds(30));
    }

    /** The engine {@code @RequiresDocker} found, with its busybox image checked. */
    public static EngineUnderTest find() {
        HarnessSettings settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED);
        String address = DockerEngine.probe(settings.external().dockerHost()).address()
                .orElseThrow(() -> new IllegalStateException("@RequiresDocker found an engine, but DockerEngine.probe does not"));
        EngineUnderTest engine = new EngineUnderTest(address, settings.containers().busyboxImage());
        try {
            engine.docker.inspectImageCmd(engine.busybox).exec();
        } catch (NotFoundException e) {
            engine.close();
            throw new IllegalStateException("image " + engine.busybox + " (containers.image.busybox) is not on the engine at " + address
                    + "; scripts/docker-engine.sh builds it (this test never pulls)", e);
        }
        return engine;
    }

    public String address() {
        return address;
    }

    public String busybox() {
        return busybox;
    }

    public DockerClient docker() {
        return docker;
    }

    /** What this test class's container names start with. */
    public String namePrefix() {
        return namePrefix;
    }

    /** Names of this test class's containers still on the engine, running or not. */
    public List<String> leftovers() {
        return docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(namePrefix)).exec().stream()
                .map(Container::getNames)
                .map(names -> names[0].substring(1))
                .toList();
    }

    /** Force-removes this test class's containers; returns how many there were. */
    public int removeLeftovers() {
        List<String> names = leftovers();
        names.forEach(name -> docker.removeContainerCmd(name).withForce(true).exec());
        return names.size();
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
