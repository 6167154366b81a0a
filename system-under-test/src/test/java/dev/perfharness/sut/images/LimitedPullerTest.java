package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pull limiter with a puller whose pulls end only when the test says so. */
class LimitedPullerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final JobTracker tracker = new JobTracker(Clock.systemUTC());
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final HeldPuller held = new HeldPuller();

    @Test
    void sequentialPullsRunOneAfterAnotherInTheOrderGiven() {
        try (LimitedPuller puller = new LimitedPuller(held, new PullLimiter(1, "sequential", meters))) {
            List<PullJob> jobs = start(puller, "a:1", "b:1", "c:1");

            for (int i = 0; i < jobs.size(); i++) {
                int started = i + 1;
                await().atMost(WAIT).until(() -> held.startedImages.size() == started);
                assertThat(status(jobs.get(i))).isEqualTo(PullState.PULLING);
                jobs.subList(i + 1, jobs.size()).forEach(waiting -> assertThat(status(waiting)).isEqualTo(PullState.PENDING));
                held.finish(jobs.get(i).id(), true);
            }

            await().atMost(WAIT).until(() -> jobs.stream().allMatch(job -> status(job) == PullState.COMPLETED));
            assertThat(held.startedImages).containsExactly("a:1", "b:1", "c:1");
            assertThat(held.mostRunning).hasValue(1);
        }
    }

    @Test
    void parallelPullsRunAtMostTheirParallelismAtOnce() {
        try (LimitedPuller puller = new LimitedPuller(held, new PullLimiter(3, "parallel", meters))) {
            List<PullJob> jobs = start(puller, "a:1", "b:1", "c:1", "d:1", "e:1");

            await().atMost(WAIT).until(() -> held.startedImages.size() == 3);
            assertThat(gauge("image.pulls.running")).isEqualTo(3);
            assertThat(gauge("image.pulls.waiting")).isEqualTo(2);
            assertThat(status(jobs.get(3))).isEqualTo(PullState.PENDING);

            held.finish(jobs.get(1).id(), false);
            await().atMost(WAIT).until(() -> held.startedImages.size() == 4);
            assertThat(held.startedImages.get(3)).isEqualTo("d:1");
            held.finish(jobs.get(0).id(), true);
            await().atMost(WAIT).until(() -> held.startedImages.size() == 5);
            for (PullJob job : List.of(jobs.get(2), jobs.get(3), jobs.get(4))) {
                held.finish(job.id(), true);
            }

            await().atMost(WAIT).until(() -> gauge("image.pulls.running") == 0);
            assertThat(held.mostRunning).hasValue(3);
            assertThat(status(jobs.get(1))).isEqualTo(PullState.FAILED);
        }
    }

    @Test
    void closingFailsWaitingAndRunningPullsWithTheReason() {
        LimitedPuller puller = new LimitedPuller(held, new PullLimiter(1, "sequential", meters));
        List<PullJob> jobs = start(puller, "a:1", "b:1");
        await().atMost(WAIT).until(() -> held.startedImages.size() == 1);

        puller.close();

        assertThat(tracker.find(jobs.get(0).id()).orElseThrow().error()).contains("service stopped before the pull finished");
        assertThat(tracker.find(jobs.get(1).id()).orElseThrow().error()).contains("service stopped before the pull started");
        PullJob late = tracker.create("c:1");
        puller.start(late, tracker.progressOf(late.id()));
        assertThat(status(late)).isEqualTo(PullState.FAILED);
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new PullLimiter(0, "parallel", meters)).hasMessageContaining("pulls.parallelism must be at least 1, got 0");
    }

    private List<PullJob> start(LimitedPuller puller, String... images) {
        List<PullJob> jobs = new ArrayList<>();
        for (String image : images) {
            PullJob job = tracker.create(image);
            jobs.add(job);
            puller.start(job, tracker.progressOf(job.id()));
        }
        return jobs;
    }

    private PullState status(PullJob job) {
        return tracker.find(job.id()).orElseThrow().status();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
