package dev.perfharness.sut.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.sut.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTrackerTest {
    private final JobTracker tracker = new JobTracker(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void activeListsPendingAndPullingOldestFirst() {
        TrackerPrefill.fill(tracker, 5_000, 7);

        List<PullJob> active = tracker.active();

        assertThat(active).isNotEmpty().allMatch(job -> job.status().active());
        assertThat(active).isSortedAccordingTo(java.util.Comparator.comparing(PullJob::createdAt));
        long expected = 0;
        for (int i = 0; i < 5_000; i++) {
            if (tracker.find("job-%08d".formatted(i)).orElseThrow().status().active()) {
                expected++;
            }
        }
        assertThat(active).hasSize((int) expected);
    }

    @Test
    void failedListsTheNewestFailuresUpToTheLimit() {
        TrackerPrefill.fill(tracker, 5_000, 7);

        List<PullJob> ten = tracker.failed(10);
        List<PullJob> all = tracker.failed(100_000);

        assertThat(ten).hasSize(10).allMatch(job -> job.status() == PullState.FAILED && job.error() != null);
        assertThat(all.subList(0, 10)).isEqualTo(ten);
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(PullJob::finishedAt).reversed());
    }

    @Test
    void everyListingIsAScan() {
        tracker.active();
        tracker.failed(5);

        assertThat(tracker.scans()).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameJobsByteForByte() {
        JobTracker other = new JobTracker(Clock.systemUTC());
        TrackerPrefill.fill(tracker, 3_000, 11);
        TrackerPrefill.fill(other, 3_000, 11);

        assertThat(Json.write(other.active())).isEqualTo(Json.write(tracker.active()));
        assertThat(Json.write(other.failed(50))).isEqualTo(Json.write(tracker.failed(50)));
    }

    @Test
    void thePrefillsJobsAreTheOnesFillAdds() {
        TrackerPrefill.fill(tracker, 2_000, 11);

        List<PullJob> jobs = TrackerPrefill.jobs(2_000, 11);

        assertThat(jobs).hasSize(2_000).allSatisfy(job -> assertThat(tracker.find(job.id())).contains(job));
    }

    @Test
    void progressMakesNewVersionsAndEventsUntilTheJobFinishes() {
        List<PullJob> events = new ArrayList<>();
        tracker.addListener(events::add);
        PullJob job = tracker.create("library/redis:7.4");
        PullProgress progress = tracker.progressOf(job.id());

        progress.layers(List.of(new LayerProgress("sha256:a", 50, 100, "Downloading")));
        progress.completed();
        progress.failed("too late");

        assertThat(events).extracting(PullJob::status)
                .containsExactly(PullState.PENDING, PullState.PULLING, PullState.COMPLETED);
        assertThat(events).extracting(PullJob::version).containsExactly(0L, 1L, 2L);
        assertThat(events.get(1).progress()).isEqualTo(50);
        PullJob finished = tracker.find(job.id()).orElseThrow();
        assertThat(finished.progress()).isEqualTo(100);
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(finished.error()).isNull();
    }

    @Test
    void jobsSerializeWithTheSeedsSnakeCaseFields() {
        PullJob job = tracker.create("library/redis:7.4");
        tracker.progressOf(job.id()).failed("manifest unknown");

        String json = Json.write(tracker.find(job.id()).orElseThrow());

        assertThat(json).contains("\"status\":\"failed\"", "\"error\":\"manifest unknown\"",
                "\"created_at\":\"2026-03-01T10:00:00Z\"", "\"finished_at\":\"2026-03-01T10:00:00Z\"", "\"version\":1");
    }
}
