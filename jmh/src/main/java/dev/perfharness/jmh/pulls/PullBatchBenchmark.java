package dev.perfharness.jmh.pulls;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import com.github.dockerjava.api.DockerClient;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.ImageSettings.PullVariant;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.env.RegistrySeeder.SeedImage;
import dev.perfharness.env.RegistrySeeder;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.jmh.support.BenchmarkBackends;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.jmh.support.RequiresBackend;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApis;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.ImagePullers;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullState;
import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Seed 002 (engine-ci plan, "Parallel image pulls: 3x faster for multiple images"): the time to pull a
 * batch of the registry's seeded images to completion through the service's own puller, the one
 * {@link ImagePullers#create} builds for {@code puller=docker} (a {@code LimitedPuller} around a
 * {@code DockerPuller}, on the default pooled Docker client), from the environment's local registry.
 * {@code pulls=sequential} is the seed's before ({@code ensureImagesExists}: one image after another);
 * {@code pulls=parallel} its after ({@code ensureImagesExistsParallel}: {@code pulls.parallelism}, 3, at a time).
 *
 * <p>{@code batch} names the images, by size: {@code 1m+10m+50m} is all three seeded images
 * ({@code perf-harness/blob-1m:1}, {@code -10m}, {@code -50m}, one layer of random bytes each, so no
 * compression shrinks the transfer); {@code 1m} alone is the control where both variants must agree.
 * The ideal speed-up is not 3 but the batch's total time over its longest pull: with sizes this uneven,
 * the 50 MiB image bounds the parallel batch.
 *
 * <p>A pull of an image the engine holds downloads nothing, so every local copy of the seeded images is
 * removed before each invocation ({@link RegistrySeeder#removeLocalCopies}, not measured), and each
 * invocation checks that the pulls downloaded at least the batch's bytes, failing otherwise. A batch is a
 * one-off of a tenth of a second to a second: single-shot time, one batch per shot, after one unmeasured
 * pull at trial start that takes the JVM's first-pull costs out of the first shot.
 *
 * <p>Secondary metric {@code mostPullingAtOnce}: the most pulls of a batch seen pulling at the same time,
 * which shows whether the parallel variant overlapped its pulls at all.
 *
 * <p>Run: {@code bin/harness jmh --include PullBatchBenchmark} (it needs the engine and the registry).
 */
@RequiresBackend({Backend.DOCKER, Backend.REGISTRY})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PullBatchBenchmark {
    /** Far beyond a pull of 61 MiB over the loopback, short of hanging the suite. */
    private static final Duration BATCH_WAIT = Duration.ofMinutes(2);

    @Param
    public PullVariant pulls;

    /** The seeded images to pull, by size, joined with {@code +}. */
    @Param({"1m", "1m+10m", "1m+10m+50m"})
    public String batch;

    private List<SeedImage> images;
    private long batchBytes;
    private ServiceMetrics serviceMetrics;
    private MeterRegistry meters;
    private Counter pulledBytes;
    private DockerApi docker;
    private ImagePuller puller;
    private DockerClient engine;
    private JobTracker tracker;
    private volatile CountDownLatch finished;
    private final Set<String> pulling = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mostPulling = new AtomicInteger();

    @Setup(Level.Trial)
    public void startPuller() {
        images = Arrays.stream(batch.split("\\+")).map(PullBatchBenchmark::seeded).toList();
        batchBytes = images.stream().mapToLong(SeedImage::bytes).sum();
        String dockerHost = BenchmarkBackends.dockerHost();
        HostAndPort registry = BenchmarkBackends.registry();
        HarnessSettings settings = BenchmarkSettings.with("puller", "docker", "pulls", label(pulls));
        serviceMetrics = new ServiceMetrics();
        meters = new SimpleMeterRegistry();
        docker = DockerApis.create(settings.docker(), dockerHost, serviceMetrics);
        // The environment's registry, as the service gets it; pullers never touch Redis.
        Backends backends = new Backends(null, Optional.of(dockerHost), Optional.empty(), Optional.of(registry));
        puller = ImagePullers.create(settings.jobs(), settings.images(), backends, Optional.of(docker), meters);
        pulledBytes = meters.get("image.pull.bytes").counter();
        engine = DockerEngine.client(dockerHost, Duration.ofMinutes(1));
        tracker = new JobTracker(Clock.systemUTC());
        tracker.addListener(this::seen);
        warmUp();
    }

    /**
     * One pull of the smallest image before the first shot: the first pull in a JVM loads and compiles the
     * pull path (docker-java's commands and decoders), which is not the question, and a preset that warms
     * up with a single shot would leave it in the first measured one.
     */
    private void warmUp() {
        RegistrySeeder.removeLocalCopies(engine);
        PullJob job = tracker.create(name(RegistrySeeder.IMAGES.getFirst()));
        finished = new CountDownLatch(1);
        puller.start(job, tracker.progressOf(job.id()));
        await(List.of(job));
    }

    private void seen(PullJob job) {
        if (job.status() == PullState.PULLING && pulling.add(job.id())) {
            mostPulling.accumulateAndGet(pulling.size(), Math::max);
        } else if (job.status().finished()) {
            pulling.remove(job.id());
            finished.countDown();
        }
    }

    @Setup(Level.Invocation)
    public void removeLocalCopies() {
        RegistrySeeder.removeLocalCopies(engine);
        mostPulling.set(0);
    }

    @TearDown(Level.Trial)
    public void stopPuller() throws IOException {
        try {
            puller.close();
            docker.close();
            RegistrySeeder.removeLocalCopies(engine);
        } finally {
            engine.close();
            serviceMetrics.close();
        }
    }

    /**
     * The most pulls of the batch seen pulling at once: 1 when sequential, up to {@code pulls.parallelism}
     * when parallel. JMH adds an EVENTS counter up over the measured shots of every fork, so each shot
     * reports its share, and the sum is the mean per batch.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Overlap {
        public double mostPullingAtOnce;
        private double share;

        @Setup(Level.Trial)
        public void shareOfShots(BenchmarkParams params) {
            share = EventCounters.iterationShare(params);
        }
    }

    @Benchmark
    public long pullBatch(Overlap overlap) {
        finished = new CountDownLatch(images.size());
        double bytesBefore = pulledBytes.count();
        List<PullJob> jobs = new ArrayList<>(images.size());
        for (SeedImage image : images) {
            PullJob job = tracker.create(name(image));
            jobs.add(job);
            puller.start(job, tracker.progressOf(job.id()));
        }
        await(jobs);
        long downloaded = (long) (pulledBytes.count() - bytesBefore);
        if (downloaded < batchBytes) {
            throw new IllegalStateException(("the batch %s downloaded %d bytes, fewer than its images hold (%d): a local copy was "
                    + "left on the engine, and the figure would time no download").formatted(batch, downloaded, batchBytes));
        }
        overlap.mostPullingAtOnce = mostPulling.get() * overlap.share;
        return downloaded;
    }

    /** Waits for {@link #finished}; every job must have completed. */
    private void await(List<PullJob> jobs) {
        try {
            if (!finished.await(BATCH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the pulls of " + batch + " did not finish within " + BATCH_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + batch, e);
        }
        for (PullJob job : jobs) {
            PullJob done = tracker.find(job.id()).orElseThrow();
            if (done.status() != PullState.COMPLETED) {
                throw new IllegalStateException("pulling " + done.image() + " failed: " + done.error());
            }
        }
    }

    /** The name as a user gives it, without the registry: the puller adds the environment's. */
    private static String name(SeedImage image) {
        return image.repository() + ":" + image.tag();
    }

    private static SeedImage seeded(String size) {
        return RegistrySeeder.IMAGES.stream()
                .filter(image -> image.repository().endsWith("/blob-" + size))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("batch names \"%s\", which is no seeded image; the sizes are %s".formatted(
                        size, RegistrySeeder.IMAGES.stream().map(SeedImage::repository).toList())));
    }
}
