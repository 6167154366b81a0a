package dev.perfharness.sut.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a tracker with {@code tracker.jobs} frozen jobs, the history a long-running platform holds, so
 * that listing costs what it costs with that many jobs. The same seed gives the same jobs, byte for
 * byte, in every run and every variant: responses can be compared across variants.
 *
 * <p>The mix: 1 % active (pending or pulling, frozen mid-pull), 10 % failed, the rest completed.
 */
public final class TrackerPrefill {
    /** Fixed, so that pre-filled timestamps do not depend on when the service started. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final String[] IMAGES = {
        "library/nginx:1.27", "library/redis:7.4", "library/postgres:17", "library/busybox:1.37",
        "platform/api-gateway:2.14.0", "platform/scheduler:0.9.3", "ml/pytorch-train:2.5-cuda12",
        "ml/jupyter-notebook:4.2", "data/spark-worker:3.5.3", "tools/ci-runner:2026.1",
    };
    private static final String[] FAILURES = {
        "manifest unknown: manifest tagged by \"%s\" is not found",
        "unauthorized: authentication required for %s",
        "unexpected EOF while downloading a layer of %s",
        "no space left on device while extracting %s",
        "net/http: TLS handshake timeout pulling %s",
    };

    private TrackerPrefill() {
    }

    public static void fill(JobTracker tracker, int count, long seed) {
        jobs(count, seed).forEach(tracker::add);
    }

    /** The jobs {@link #fill} adds, in order; public so a benchmark serializes the very jobs the service holds. */
    public static List<PullJob> jobs(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PullJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(job(i, random));
        }
        return jobs;
    }

    private static PullJob job(int index, SplittableRandom random) {
        String id = "job-%08d".formatted(index);
        String image = IMAGES[random.nextInt(IMAGES.length)];
        Instant created = EPOCH.plusSeconds(index * 7L);
        List<LayerProgress> layers = layers(random);
        int kind = random.nextInt(100);
        if (kind < 1) {
            List<LayerProgress> midway = new ArrayList<>();
            for (LayerProgress layer : layers) {
                midway.add(layer.withProgress(random.nextLong(layer.total()), "Downloading"));
            }
            PullJob pulling = PullJob.pending(id, image, created).withLayers(midway, created.plusSeconds(2));
            return random.nextBoolean() ? pulling : PullJob.pending(id, image, created);
        }
        PullJob started = PullJob.pending(id, image, created).withLayers(layers, created.plusSeconds(1));
        Instant finished = created.plus(Duration.ofMillis(500 + random.nextInt(120_000)));
        if (kind < 11) {
            return started.failed(FAILURES[random.nextInt(FAILURES.length)].formatted(image), finished);
        }
        return started.completed(finished);
    }

    private static List<LayerProgress> layers(SplittableRandom random) {
        int count = 2 + random.nextInt(4);
        List<LayerProgress> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String digest = "sha256:%016x".formatted(random.nextLong());
            layers.add(new LayerProgress(digest, 0, 1_000 + random.nextLong(80_000_000), "Waiting"));
        }
        return layers;
    }
}
