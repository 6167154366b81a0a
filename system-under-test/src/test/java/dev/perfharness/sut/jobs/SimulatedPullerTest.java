package dev.perfharness.sut.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedPullerTest {
    private final JobTracker tracker = new JobTracker(Clock.systemUTC());

    @Test
    void aPullProgressesLayerByLayerToCompletion() {
        List<PullJob> events = Collections.synchronizedList(new ArrayList<>());
        tracker.addListener(events::add);
        try (SimulatedPuller puller = new SimulatedPuller(Duration.ofMillis(200), 0, 1)) {
            PullJob job = tracker.create("library/busybox:1.37");
            puller.start(job, tracker.progressOf(job.id()));

            await().atMost(Duration.ofSeconds(5)).until(() -> tracker.find(job.id()).orElseThrow().status() == PullState.COMPLETED);
        }
        assertThat(events).extracting(PullJob::progress).isSorted();
        assertThat(events.stream().filter(e -> e.status() == PullState.PULLING)).hasSize(SimulatedPuller.STEPS - 1);
        assertThat(events.getLast().layers()).allMatch(layer -> layer.current() == layer.total());
    }

    @Test
    void aFailureRateOfOneFailsEveryPullWithAReason() {
        try (SimulatedPuller puller = new SimulatedPuller(Duration.ofMillis(100), 1, 1)) {
            PullJob job = tracker.create("library/busybox:1.37");
            puller.start(job, tracker.progressOf(job.id()));

            await().atMost(Duration.ofSeconds(5)).until(() -> tracker.find(job.id()).orElseThrow().status() == PullState.FAILED);
        }
        assertThat(tracker.active()).isEmpty();
        assertThat(tracker.failed(1).getFirst().error()).contains("unexpected EOF");
    }

    @Test
    void closingFailsThePullsInFlightInsteadOfLeavingThemPending() {
        SimulatedPuller puller = new SimulatedPuller(Duration.ofMinutes(10), 0, 1);
        PullJob job = tracker.create("library/busybox:1.37");
        puller.start(job, tracker.progressOf(job.id()));

        puller.close();

        PullJob after = tracker.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(PullState.FAILED);
        assertThat(after.error()).contains("service stopped");
    }
}
