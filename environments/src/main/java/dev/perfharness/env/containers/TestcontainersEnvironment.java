package dev.perfharness.env.containers;

import dev.perfharness.config.ContainerSettings;
import dev.perfharness.config.ContainerSettings.NetworkMode;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.Environment;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.Registries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.TestcontainersConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis, an image registry (unless {@code registry.addr} names one) and, when {@code containers.k3s=true},
 * a k3s cluster, in containers on the engine Testcontainers finds. Image names, network mode, pull policy
 * and Ryuk come from the settings.
 *
 * <p>Redis and a requested k3s must start, or nothing does. The registry serves only the Docker puller:
 * when it cannot start it is reported absent with the reason, as in the embedded environment.
 */
public final class TestcontainersEnvironment implements Environment {
    private static final Logger log = LoggerFactory.getLogger(TestcontainersEnvironment.class);

    private final RedisContainer redis;
    private final Optional<K3sContainer> k3s;
    private final Optional<RegistryContainer> registryContainer;
    private final Availability registry;
    private final String dockerHost;

    private TestcontainersEnvironment(RedisContainer redis, Optional<K3sContainer> k3s, Optional<RegistryContainer> registryContainer,
            Availability registry, String dockerHost) {
        this.redis = redis;
        this.k3s = k3s;
        this.registryContainer = registryContainer;
        this.registry = registry;
        this.dockerHost = dockerHost;
    }

    /**
     * Starts the containers.
     *
     * @throws EnvironmentException when no engine answers, an image is missing under
     *                              {@code containers.pull=never}, or Ryuk would start against the settings
     */
    public static TestcontainersEnvironment start(HarnessSettings settings) {
        ContainerSettings containers = settings.containers();
        requireEngine();
        requireRyukAsConfigured(containers);
        ContainerImages images = new ContainerImages(containers);
        RedisContainer redis = new RedisContainer(images.resolve(containers.redisImage(), "redis"), containers.network())
                .withImagePullPolicy(images.pullPolicy());
        Optional<K3sContainer> k3s = containers.k3sEnabled() ? Optional.of(k3s(containers, images)) : Optional.empty();
        List<GenericContainer<?>> started = new ArrayList<>();
        try {
            redis.start();
            started.add(redis);
            k3s.ifPresent(cluster -> {
                cluster.start();
                started.add(cluster);
            });
        } catch (RuntimeException e) {
            started.forEach(GenericContainer::stop);
            throw new EnvironmentException("the testcontainers environment did not start: " + e.getMessage(), e);
        }
        String dockerHost = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        if (settings.images().registry().isPresent()) {
            return new TestcontainersEnvironment(redis, k3s, Optional.empty(), Registries.configured(settings.images().registry().get()), dockerHost);
        }
        try {
            RegistryContainer registry = new RegistryContainer(images.resolve(containers.registryImage(), "registry"), containers.network())
                    .withImagePullPolicy(images.pullPolicy());
            Availability available = startRegistry(registry, containers.registryImage());
            return new TestcontainersEnvironment(redis, k3s, Optional.of(registry).filter(running -> available.available()), available, dockerHost);
        } catch (EnvironmentException e) {
            return new TestcontainersEnvironment(redis, k3s, Optional.empty(), registryAbsent(e), dockerHost);
        }
    }

    /** Starts and seeds the registry; when that fails, stops it and says why. */
    private static Availability startRegistry(RegistryContainer registry, String image) {
        try {
            registry.start();
            return Availability.at(registry.address().toString(), Registries.note(image, registry.seeded()));
        } catch (RuntimeException e) {
            registry.stop();
            return registryAbsent(e);
        }
    }

    private static Availability registryAbsent(RuntimeException e) {
        log.atWarn().addKeyValue("reason", e.getMessage()).log("the testcontainers environment runs without a registry");
        return Availability.absent("not run: the registry did not start: " + e.getMessage());
    }

    private static K3sContainer k3s(ContainerSettings containers, ContainerImages images) {
        if (containers.network() == NetworkMode.HOST) {
            // K3sContainer writes its kubeconfig with a mapped port, which host networking does not have.
            throw new EnvironmentException("containers.k3s=true needs containers.network=bridge: k3s's kubeconfig points "
                    + "at a mapped port, and host networking maps none");
        }
        return new K3sContainer(images.resolve(containers.k3sImage(), "rancher/k3s"))
                .withImagePullPolicy(images.pullPolicy());
    }

    private static void requireEngine() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new EnvironmentException("the testcontainers environment needs a Docker engine and none answers; "
                    + "start one (" + ContainerImages.BUILD_SCRIPT + " does on Debian) or use --env embedded");
        }
    }

    /** Ryuk's image cannot be pulled on machines without a registry; fail before Testcontainers tries. */
    private static void requireRyukAsConfigured(ContainerSettings containers) {
        boolean ryukDisabled = Boolean.parseBoolean(
                TestcontainersConfiguration.getInstance().getEnvVarOrProperty("ryuk.disabled", "false"));
        if (!containers.ryukEnabled() && !ryukDisabled) {
            throw new EnvironmentException("containers.ryuk=disabled, but Testcontainers would start Ryuk: set "
                    + "TESTCONTAINERS_RYUK_DISABLED=true or ryuk.disabled=true in ~/.testcontainers.properties ("
                    + ContainerImages.BUILD_SCRIPT + " writes the latter)");
        }
    }

    @Override
    public EnvironmentName name() {
        return EnvironmentName.TESTCONTAINERS;
    }

    /** The Redis container, for tests that pause or stop it. */
    public RedisContainer redis() {
        return redis;
    }

    /** The k3s cluster's kubeconfig, when one runs. */
    public Optional<String> kubeconfigYaml() {
        return k3s.map(K3sContainer::getKubeConfigYaml);
    }

    @Override
    public Endpoints endpoints() {
        List<String> ids = new ArrayList<>();
        ids.add(redis.getContainerId());
        registryContainer.ifPresent(started -> ids.add(started.getContainerId()));
        k3s.ifPresent(cluster -> ids.add(cluster.getContainerId()));
        Availability kubernetes = k3s
                .map(cluster -> Availability.at("https://" + cluster.getHost() + ":" + cluster.getMappedPort(6443),
                        "k3s " + cluster.getDockerImageName()))
                .orElse(Availability.absent("not run: k3s is off (containers.k3s=false)"));
        return new Endpoints(redis.address(), Availability.at(dockerHost, "Testcontainers' engine"), kubernetes, registry,
                List.of(), ids);
    }

    /** The registry container, when this environment runs one. */
    public Optional<RegistryContainer> registry() {
        return registryContainer;
    }

    @Override
    public void close() {
        k3s.ifPresent(GenericContainer::stop);
        registryContainer.ifPresent(GenericContainer::stop);
        redis.stop();
    }
}
