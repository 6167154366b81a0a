package dev.perfharness.sut.images;

import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullProgress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A puller whose pulls run until the test ends them: it shows what runs at once, and in which order. */
final class HeldPuller implements ImagePuller {
    final List<String> startedImages = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    private final Map<String, PullProgress> pulls = new ConcurrentHashMap<>();

    @Override
    public void start(PullJob job, PullProgress progress) {
        startedImages.add(job.image());
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        progress.layers(List.of(new LayerProgress("sha256:layer", 0, 100, "Downloading")));
        pulls.put(job.id(), progress);
    }

    /** Ends the pull of job {@code id}, as completed or failed. */
    void finish(String id, boolean completed) {
        PullProgress progress = pulls.remove(id);
        if (progress == null) {
            throw new IllegalStateException("job " + id + " is not being pulled");
        }
        running.decrementAndGet();
        if (completed) {
            progress.completed();
        } else {
            progress.failed("failed by the test");
        }
    }

    @Override
    public void close() {
        pulls.values().forEach(progress -> progress.failed("the service stopped before the pull finished"));
        pulls.clear();
    }
}
