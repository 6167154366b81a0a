package dev.perfharness.sut.images;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem.ProgressDetail;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the engine's pull stream (docker-java {@link PullResponseItem}s: a layer id, a status, and for
 * "Downloading" the bytes so far of the layer's total) into the job's layer list, reported after every
 * change.
 *
 * <p>Items without a layer id ("Digest: ...", "Status: Downloaded newer image ...") and the opening
 * "Pulling from &lt;repository&gt;" (whose id is the tag) are not layers. Once a layer's download is done
 * ("Download complete", "Extracting", "Pull complete") its bytes count in full; extraction progress is
 * not download progress, so it does not move the percentage. An item that carries an error is kept as
 * the pull's error: the engine reports some failures in the stream, after a 200.
 *
 * <p>docker-java calls {@link #onNext} from one thread per pull, in stream order.
 */
final class PullEvents extends ResultCallback.Adapter<PullResponseItem> {
    private static final Set<String> DOWNLOADED = Set.of("Verifying Checksum", "Download complete", "Extracting", "Pull complete", "Already exists");

    private final Map<String, LayerProgress> layers = new LinkedHashMap<>();
    private final PullProgress progress;
    private volatile String error;

    PullEvents(PullProgress progress) {
        this.progress = progress;
    }

    @Override
    public void onNext(PullResponseItem item) {
        if (item.isErrorIndicated()) {
            if (error == null) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            }
            return;
        }
        String id = item.getId();
        String status = item.getStatus();
        if (id == null || status == null || status.startsWith("Pulling from")) {
            return;
        }
        LayerProgress before = layers.get(id);
        LayerProgress after = next(before == null ? new LayerProgress(id, 0, 0, status) : before, status, item.getProgressDetail());
        if (!after.equals(before)) {
            layers.put(id, after);
            progress.layers(List.copyOf(layers.values()));
        }
    }

    private static LayerProgress next(LayerProgress layer, String status, ProgressDetail detail) {
        if (status.equals("Downloading") && detail != null) {
            long total = detail.getTotal() != null && detail.getTotal() > 0 ? detail.getTotal() : layer.total();
            long current = detail.getCurrent() != null ? detail.getCurrent() : layer.current();
            return new LayerProgress(layer.id(), current, Math.max(total, current), status);
        }
        if (DOWNLOADED.contains(status)) {
            return new LayerProgress(layer.id(), layer.total(), layer.total(), status);
        }
        return layer.withProgress(layer.current(), status);
    }

    /** The error the stream reported, or null. */
    String error() {
        return error;
    }

    /** Bytes of every layer, as far as the stream told them. */
    long totalBytes() {
        return layers.values().stream().mapToLong(LayerProgress::total).sum();
    }
}
