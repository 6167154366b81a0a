package dev.perfharness.sut.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one image-pull job. The tracker replaces a job's snapshot on every change
 * and bumps {@link #version()}, so readers never lock and watchers (and clients) can order snapshots.
 *
 * @param progress    whole percent over all layers' bytes
 * @param error       why a failed job failed; absent otherwise
 * @param finishedAt  when it completed or failed; absent while active
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullJob(
        String id,
        String image,
        PullState status,
        int progress,
        List<LayerProgress> layers,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        long version) {

    public PullJob {
        layers = List.copyOf(layers);
    }

    static PullJob pending(String id, String image, Instant now) {
        return new PullJob(id, image, PullState.PENDING, 0, List.of(), null, now, now, null, 0);
    }

    PullJob withLayers(List<LayerProgress> newLayers, Instant now) {
        return new PullJob(id, image, PullState.PULLING, percent(newLayers), newLayers, null, createdAt, now, null, version + 1);
    }

    PullJob completed(Instant now) {
        List<LayerProgress> done = layers.stream().map(layer -> layer.withProgress(layer.total(), "Pull complete")).toList();
        return new PullJob(id, image, PullState.COMPLETED, 100, done, null, createdAt, now, now, version + 1);
    }

    PullJob failed(String reason, Instant now) {
        return new PullJob(id, image, PullState.FAILED, progress, layers, reason, createdAt, now, now, version + 1);
    }

    private static int percent(List<LayerProgress> layers) {
        long total = layers.stream().mapToLong(LayerProgress::total).sum();
        long current = layers.stream().mapToLong(LayerProgress::current).sum();
        return total == 0 ? 0 : (int) (current * 100 / total);
    }
}
