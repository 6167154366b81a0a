package dev.perfharness.sut.images;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerOperation;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls images for real: docker-java's {@code pullImageCmd} through the service's {@link DockerApi}
 * (operation {@code pull}, with its timeout), from one registry, with the credentials of
 * {@link RegistryAuth}, the engine's progress stream feeding the job ({@link PullEvents}).
 *
 * <p>Every pull comes from the registry it is given ({@code registry.addr}, else the environment's): a
 * name without a registry is pulled from it ({@code perf-harness/blob-1m:1} becomes
 * {@code 127.0.0.1:5000/perf-harness/blob-1m:1}), and a name that names another registry fails without
 * a call, so no pull ever reaches a public registry by accident.
 *
 * <p>Each pull runs on a virtual thread of its own, which blocks on the engine's stream; how many run at
 * once is {@link PullLimiter}'s business. Meters: {@code image_pull_duration_seconds{outcome}} and
 * {@code image_pull_bytes_total}.
 */
public final class DockerPuller implements ImagePuller {
    private static final Logger log = LoggerFactory.getLogger(DockerPuller.class);

    private final DockerApi docker;
    private final HostAndPort registry;
    private final RegistryAuth auth;
    private final MeterRegistry meters;
    private final Counter bytes;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param registry  where every pull comes from
     */
    public DockerPuller(DockerApi docker, HostAndPort registry, RegistryAuth auth, MeterRegistry meters) {
        this.docker = docker;
        this.registry = registry;
        this.auth = auth;
        this.meters = meters;
        this.bytes = Counter.builder("image.pull.bytes").baseUnit("bytes")
                .description("layer bytes of the images pulled to completion").register(meters);
    }

    private record InFlight(Thread thread, PullProgress progress) {
    }

    @Override
    public void start(PullJob job, PullProgress progress) {
        if (closed) {
            progress.failed("the service stopped before the pull started");
            return;
        }
        Thread thread = Thread.ofVirtual().name("docker-pull-" + job.id()).unstarted(() -> {
            try {
                pull(job, progress);
            } catch (RuntimeException | Error unexpected) {
                // Every pull ends: a job left pending would also keep its limiter permit for ever.
                log.atWarn().setCause(unexpected).addKeyValue("job", job.id()).log("a pull failed unexpectedly");
                progress.failed("the pull failed unexpectedly: " + unexpected);
            } finally {
                inFlight.remove(job.id());
            }
        });
        inFlight.put(job.id(), new InFlight(thread, progress));
        thread.start();
    }

    private void pull(PullJob job, PullProgress progress) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(job.image());
        } catch (IllegalArgumentException e) {
            progress.failed(e.getMessage());
            return;
        }
        if (reference.registry().isPresent() && !reference.registry().get().equals(registry.toString())) {
            progress.failed(("%s names the registry %s, but the docker puller pulls only from %s (registry.addr, else the "
                    + "environment's registry); it never pulls from a registry it was not given").formatted(
                    job.image(), reference.registry().get(), registry));
            return;
        }
        ImageReference target = reference.inRegistry(registry);
        RegistryCredentials credentials = auth.forRegistry(registry.toString());
        PullEvents events = new PullEvents(progress);
        Timer.Sample sample = Timer.start(meters);
        String failure;
        try {
            docker.call(DockerOperation.PULL, (client, timeout) -> {
                client.pullImageCmd(target.name())
                        .withTag(target.tagOrDigest())
                        .withAuthConfig(credentials.config())
                        .exec(events);
                try {
                    if (!events.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        events.close();
                        throw new TimeoutException("the pull of %s did not end within %d s".formatted(target, timeout.toSeconds()));
                    }
                } catch (InterruptedException e) {
                    // The service is stopping: stop reading the engine's stream too.
                    events.close();
                    throw e;
                }
                return null;
            });
            failure = events.error() == null ? null : reason(target, events.error());
        } catch (RuntimeException e) {
            failure = closed ? "the service stopped before the pull finished" : reason(target, EngineMessages.describe(e));
        }
        sample.stop(Timer.builder("image.pull.duration")
                .description("time from a pull's start (after its wait for a permit) to its end")
                .tag("outcome", failure == null ? "completed" : "failed")
                .register(meters));
        if (failure == null) {
            bytes.increment(events.totalBytes());
            progress.completed();
        } else {
            log.atInfo().addKeyValue("job", job.id()).addKeyValue("image", target).addKeyValue("reason", failure).log("pull failed");
            progress.failed(failure);
        }
    }

    /** Names the registry, and says so plainly when the engine could not reach it at all. */
    private String reason(ImageReference target, String engineMessage) {
        if (EngineMessages.unreachable(engineMessage)) {
            return "the registry %s does not answer (pulling %s): %s".formatted(registry, target, engineMessage);
        }
        return "pulling %s from the registry %s failed: %s".formatted(target, registry, engineMessage);
    }

    public HostAndPort registry() {
        return registry;
    }

    /** Fails every pull in flight with the reason and stops waiting for the engine. Idempotent. */
    @Override
    public void close() {
        closed = true;
        inFlight.values().forEach(pull -> {
            pull.progress().failed("the service stopped before the pull finished");
            pull.thread().interrupt();
        });
        inFlight.clear();
    }
}
