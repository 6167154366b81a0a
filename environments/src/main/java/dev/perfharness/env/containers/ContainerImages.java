package dev.perfharness.env.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.config.ContainerSettings;
import dev.perfharness.config.ContainerSettings.PullPolicy;
import dev.perfharness.env.EnvironmentException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Resolves configured image names and enforces the pull policy.
 *
 * <p>With {@code containers.pull=never} no pull is ever attempted: on machines that reach no registry
 * the engine would otherwise try the public one. A missing image is an error that names the script
 * that builds it.
 */
public final class ContainerImages {
    static final String BUILD_SCRIPT = "scripts/docker-engine.sh";

    private final ContainerSettings settings;

    public ContainerImages(ContainerSettings settings) {
        this.settings = settings;
    }

    /**
     * The configured image, declared a substitute for the official one it replaces (as
     * testcontainers-java's modules require), and checked to be local when pulls are off.
     *
     * @throws EnvironmentException when pulls are off and the image is not on the engine
     */
    public DockerImageName resolve(String configured, String officialName) {
        DockerImageName image = DockerImageName.parse(configured).asCompatibleSubstituteFor(officialName);
        if (settings.pullPolicy() == PullPolicy.NEVER && !isLocal(image)) {
            throw new EnvironmentException(("image %s is not on the local Docker engine and containers.pull=never; "
                    + "run %s to build it, or set containers.pull=missing where a registry can be reached").formatted(
                    image.asCanonicalNameString(), BUILD_SCRIPT));
        }
        return image;
    }

    /** Never pull under {@code never}; Testcontainers' default (pull when missing) otherwise. */
    public ImagePullPolicy pullPolicy() {
        return settings.pullPolicy() == PullPolicy.NEVER
                ? imageName -> false
                : org.testcontainers.images.PullPolicy.defaultPolicy();
    }

    private static boolean isLocal(DockerImageName image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
