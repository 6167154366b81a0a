package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's pull stream, as docker-java decodes it, turned into a job's layers. */
class PullEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobTracker tracker = new JobTracker(Clock.systemUTC());
    private final PullJob job = tracker.create("perf-harness/blob-10m:1");
    private final List<PullJob> snapshots = Collections.synchronizedList(new ArrayList<>());
    private final PullEvents events = new PullEvents(tracker.progressOf(job.id()));

    PullEventsTest() {
        tracker.addListener(snapshots::add);
    }

    @Test
    void layersProgressByTheirDownloadedBytes() throws IOException {
        feed("""
                {"status":"Pulling from perf-harness/blob-10m","id":"1"}
                {"status":"Pulling fs layer","progressDetail":{},"id":"aaa"}
                {"status":"Pulling fs layer","progressDetail":{},"id":"bbb"}
                {"status":"Downloading","progressDetail":{"current":250,"total":1000},"id":"aaa"}
                {"status":"Downloading","progressDetail":{"current":100,"total":1000},"id":"bbb"}
                """);

        PullJob now = tracker.find(job.id()).orElseThrow();
        assertThat(now.layers()).containsExactly(
                new LayerProgress("aaa", 250, 1000, "Downloading"),
                new LayerProgress("bbb", 100, 1000, "Downloading"));
        assertThat(now.progress()).isEqualTo(17);
    }

    @Test
    void aDownloadedLayerCountsInFullWhileItIsExtracted() throws IOException {
        feed("""
                {"status":"Downloading","progressDetail":{"current":500,"total":1000},"id":"aaa"}
                {"status":"Verifying Checksum","progressDetail":{},"id":"aaa"}
                {"status":"Download complete","progressDetail":{},"id":"aaa"}
                {"status":"Extracting","progressDetail":{"current":32768,"total":2000},"id":"aaa"}
                {"status":"Pull complete","progressDetail":{},"id":"aaa"}
                {"status":"Digest: sha256:0123"}
                {"status":"Status: Downloaded newer image for 127.0.0.1:5000/perf-harness/blob-10m:1"}
                """);

        assertThat(tracker.find(job.id()).orElseThrow().layers()).containsExactly(new LayerProgress("aaa", 1000, 1000, "Pull complete"));
        assertThat(snapshots).extracting(PullJob::progress).isSorted();
        assertThat(events.totalBytes()).isEqualTo(1000);
        assertThat(events.error()).isNull();
    }

    @Test
    void theOpeningLineAndLinesWithoutALayerAreNoLayers() throws IOException {
        feed("""
                {"status":"Pulling from perf-harness/blob-10m","id":"1"}
                {"status":"Digest: sha256:0123"}
                """);

        assertThat(snapshots).isEmpty();
    }

    @Test
    void anErrorInTheStreamIsKept() throws IOException {
        feed("""
                {"status":"Downloading","progressDetail":{"current":500,"total":1000},"id":"aaa"}
                {"errorDetail":{"message":"unexpected EOF"},"error":"unexpected EOF"}
                """);

        assertThat(events.error()).isEqualTo("unexpected EOF");
    }

    private void feed(String lines) throws IOException {
        for (String line : lines.strip().split("\n")) {
            events.onNext(JSON.readValue(line, PullResponseItem.class));
        }
    }
}
