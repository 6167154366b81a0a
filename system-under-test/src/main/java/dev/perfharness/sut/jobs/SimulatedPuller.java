package dev.perfharness.sut.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A puller that needs no engine: each job downloads two to five layers in ten steps over
 * {@code puller.duration}, and a share ({@code puller.failure-rate}) fails part-way with a
 * registry-like reason. One scheduler thread drives every job: a pull in flight costs a scheduled task,
 * not a thread.
 */
public final class SimulatedPuller implements ImagePuller {
    static final int STEPS = 10;

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulated-puller").daemon().factory());
    private final Map<String, Pull> inFlight = new ConcurrentHashMap<>();
    private final Duration duration;
    private final double failureRate;
    private final SplittableRandom random;

    public SimulatedPuller(Duration duration, double failureRate, long seed) {
        this.duration = duration;
        this.failureRate = failureRate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void start(PullJob job, PullProgress progress) {
        SplittableRandom jobRandom;
        synchronized (random) {
            jobRandom = random.split();
        }
        Pull pull = new Pull(job.id(), progress, plan(jobRandom), failureRate > 0 && jobRandom.nextDouble() < failureRate
                ? 1 + jobRandom.nextInt(STEPS - 1) : -1);
        inFlight.put(job.id(), pull);
        long stepMillis = Math.max(1, duration.toMillis() / STEPS);
        try {
            pull.task = scheduler.scheduleAtFixedRate(pull::step, stepMillis, stepMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            inFlight.remove(job.id());
            progress.failed("the service is stopping; the pull did not start");
        }
    }

    private static List<LayerProgress> plan(SplittableRandom random) {
        int count = 2 + random.nextInt(4);
        List<LayerProgress> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            layers.add(new LayerProgress("sha256:%016x".formatted(random.nextLong()), 0, 1_000 + random.nextLong(50_000_000), "Waiting"));
        }
        return layers;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        inFlight.values().forEach(pull -> pull.progress.failed("the service stopped before the pull finished"));
        inFlight.clear();
    }

    private final class Pull {
        private final String jobId;
        private final PullProgress progress;
        private final List<LayerProgress> layers;
        private final int failAtStep;
        private int step;
        private boolean done;
        private volatile ScheduledFuture<?> task;

        Pull(String jobId, PullProgress progress, List<LayerProgress> layers, int failAtStep) {
            this.jobId = jobId;
            this.progress = progress;
            this.layers = layers;
            this.failAtStep = failAtStep;
        }

        void step() {
            if (done) {
                return;
            }
            step++;
            if (step == failAtStep) {
                finish();
                progress.failed("unexpected EOF while downloading " + layers.getFirst().id() + " (simulated)");
                return;
            }
            if (step >= STEPS) {
                finish();
                progress.completed();
                return;
            }
            List<LayerProgress> now = new ArrayList<>(layers.size());
            for (LayerProgress layer : layers) {
                now.add(layer.withProgress(layer.total() * step / STEPS, "Downloading"));
            }
            progress.layers(now);
        }

        private void finish() {
            done = true;
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            inFlight.remove(jobId);
        }
    }
}
