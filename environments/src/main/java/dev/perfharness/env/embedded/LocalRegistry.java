package dev.perfharness.env.embedded;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Volume;
import dev.perfharness.config.ContainerSettings;
import dev.perfharness.config.ContainerSettings.PullPolicy;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded environment's image registry: a container of {@code containers.image.registry} on the
 * host's network, listening on a free port of 127.0.0.1, its blobs on the named volume
 * {@link Registries#STORAGE_VOLUME}.
 *
 * <p>A container rather than a {@code docker-registry} process beside redis-server, because a registry
 * serves only a Docker engine (the engine pulls from it, the harness does not), so wherever one is of use
 * an engine runs that can run it; because the registry image is configuration already (the official
 * {@code registry:2}, or the local build scripts/docker-engine.sh makes), where a {@code docker-registry}
 * binary exists only on machines with Debian's package; and because {@code env down} already removes the
 * containers an environment lists, so none is left behind when its holder dies.
 */
public final class LocalRegistry implements AutoCloseable {
    /** Containers are named {@code perf-harness-registry-<port>}: one per environment, never reused. */
    public static final String NAME_PREFIX = "perf-harness-registry-";
    private static final Logger log = LoggerFactory.getLogger(LocalRegistry.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    private final DockerClient docker;
    private final String image;
    private final String containerId;
    private final HostAndPort address;
    private boolean removed;
    private boolean closed;

    private LocalRegistry(DockerClient docker, String image, String containerId, HostAndPort address) {
        this.docker = docker;
        this.image = image;
        this.containerId = containerId;
        this.address = address;
    }

    /**
     * Starts a registry container on the engine at {@code engine} and waits until it answers.
     *
     * @throws EnvironmentException when the image is missing under {@code containers.pull=never}, or the
     *                              registry does not answer, with its own last words
     */
    public static LocalRegistry start(String engine, ContainerSettings containers) {
        DockerClient docker = DockerEngine.client(engine, CLIENT_TIMEOUT);
        try {
            String image = containers.registryImage();
            ensureImage(docker, image, containers.pullPolicy());
            EnvironmentException last = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                try {
                    return run(docker, image, FreePorts.onLoopback());
                } catch (EnvironmentException e) {
                    last = e;
                    if (!e.getMessage().contains("address already in use")) {
                        break;
                    }
                }
            }
            throw last;
        } catch (RuntimeException e) {
            closeQuietly(docker);
            throw e;
        }
    }

    private static LocalRegistry run(DockerClient docker, String image, int port) {
        HostAndPort address = new HostAndPort("127.0.0.1", port);
        String id = docker.createContainerCmd(image)
                .withName(NAME_PREFIX + port)
                .withEnv(Registries.ADDRESS_VARIABLE + "=" + address, Registries.DELETE_VARIABLE + "=true")
                .withLabels(Map.of("dev.perfharness.role", "registry"))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("host")
                        .withBinds(new Bind(Registries.STORAGE_VOLUME, new Volume(Registries.STORAGE_PATH))))
                .exec().getId();
        LocalRegistry registry = new LocalRegistry(docker, image, id, address);
        try {
            docker.startContainerCmd(id).exec();
            Registries.awaitAnswer(address, registry::running, registry::lastOutput);
        } catch (RuntimeException e) {
            String output = registry.lastOutput();
            registry.remove();
            if (e instanceof EnvironmentException environment) {
                throw environment;
            }
            throw new EnvironmentException("the registry container " + NAME_PREFIX + port + " did not start: " + e.getMessage()
                    + "; its last output:\n  " + output, e);
        }
        log.atInfo().addKeyValue("address", address).addKeyValue("image", image).addKeyValue("container", id.substring(0, 12))
                .log("registry started");
        return registry;
    }

    private static void ensureImage(DockerClient docker, String image, PullPolicy pullPolicy) {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException missing) {
            if (pullPolicy == PullPolicy.NEVER) {
                throw new EnvironmentException(("image %s (containers.image.registry) is not on the local Docker engine and "
                        + "containers.pull=never; run scripts/docker-engine.sh to build it").formatted(image));
            }
        }
        try {
            if (!docker.pullImageCmd(image).exec(new ResultCallback.Adapter<PullResponseItem>())
                    .awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EnvironmentException("pulling the registry image " + image + " took longer than " + PULL_TIMEOUT.toMinutes() + " min");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while pulling the registry image " + image, e);
        } catch (RuntimeException e) {
            if (e instanceof EnvironmentException environment) {
                throw environment;
            }
            throw new EnvironmentException("cannot pull the registry image " + image + " (containers.pull=missing): " + e.getMessage(), e);
        }
    }

    /** Where it answers: {@code 127.0.0.1:<port>}. */
    public HostAndPort address() {
        return address;
    }

    public String containerId() {
        return containerId;
    }

    public String image() {
        return image;
    }

    /** The client it was started with, for seeding; valid until {@link #close()}. */
    public DockerClient docker() {
        return docker;
    }

    private boolean running() {
        try {
            Boolean running = docker.inspectContainerCmd(containerId).exec().getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        }
    }

    private String lastOutput() {
        StringBuilder output = new StringBuilder();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(10)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "(its output cannot be read: " + e.getMessage() + ")";
        }
        return output.toString().strip().replace("\n", "\n  ");
    }

    private synchronized void remove() {
        if (removed) {
            return;
        }
        removed = true;
        // An interrupted thread cannot open the engine's socket channel: clear the flag for the clean-up, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Removed by someone else (env down's clean-up).
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("container", containerId).addKeyValue("error", e.getMessage()).log("could not remove the registry container");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the container (its volume stays, with the seeded images); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        remove();
        closeQuietly(docker);
        log.atInfo().addKeyValue("address", address).log("registry stopped");
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException e) {
            log.atWarn().addKeyValue("error", e.getMessage()).log("could not close a Docker client");
        }
    }
}
