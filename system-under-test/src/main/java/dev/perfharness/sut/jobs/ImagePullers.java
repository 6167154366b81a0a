package dev.perfharness.sut.jobs;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.ImageSettings;
import dev.perfharness.config.JobSettings;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.ServiceException;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.images.DockerPuller;
import dev.perfharness.sut.images.LimitedPuller;
import dev.perfharness.sut.images.PullLimiter;
import dev.perfharness.sut.images.RegistryAuth;
import dev.perfharness.sut.inject.RegressionInjector;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Picks the puller the settings name ({@code puller}).
 *
 * <p>{@code docker}: a {@link DockerPuller} from {@code registry.addr}, else the environment's registry,
 * with the auth variant of {@code registry.auth}, behind the {@code pulls} limiter (sequential, or
 * {@code pulls.parallelism} at a time), which single pulls and batches share.
 *
 * <p>{@code simulated}: not limited. It stands in for pull activity in the job-list and watch
 * benchmarks and has no registry to spare; behind a limiter its pulls would queue, and the active-job
 * list would grow with the offered load instead of with the pull time. Sequential against parallel pulls
 * is a question for real pulls, where the registry and the engine do the work.
 */
public final class ImagePullers {
    private ImagePullers() {
    }

    /**
     * @param docker  the service's Docker client; only {@code puller=docker} needs it
     * @throws ServiceException when {@code puller=docker} has no Docker engine or no registry to pull from
     */
    public static ImagePuller create(JobSettings jobs, ImageSettings images, Backends backends, Optional<DockerApi> docker,
            MeterRegistry meters) {
        return switch (jobs.puller()) {
            case SIMULATED -> new SimulatedPuller(jobs.pullDuration(), jobs.failureRate(), jobs.seed());
            case DOCKER -> new LimitedPuller(dockerPuller(images, backends, docker, meters), PullLimiter.create(images, meters));
        };
    }

    private static DockerPuller dockerPuller(ImageSettings images, Backends backends, Optional<DockerApi> docker, MeterRegistry meters) {
        DockerApi api = docker.orElseThrow(() -> new ServiceException(
                "puller=docker needs a Docker engine and the environment has none (scripts/docker-engine.sh starts one; "
                        + "docker.host names a remote one)", null));
        HostAndPort registry = images.registry().or(backends::registry).orElseThrow(() -> new ServiceException(
                "puller=docker needs an image registry: set registry.addr, or use an environment that runs one "
                        + "(embedded and testcontainers do where a Docker engine answers; env status shows it)", null));
        // The service injects its regression once per request, at its edge, not again in the pull's auth.
        return new DockerPuller(api, registry, RegistryAuth.create(images, meters, RegressionInjector.NONE), meters);
    }
}
