package dev.perfharness.sut.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.WorkerSettings;
import dev.perfharness.config.WorkerSettings.WorkerVariant;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three pools with plain jobs: their bound, their queue, and what shutdown does to each job. */
class WorkerPoolsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private WorkerPool pool;

    @AfterEach
    void stopPool() throws InterruptedException {
        release.countDown();
        if (pool != null) {
            pool.shutdown();
            pool.interruptRunning();
            pool.awaitTermination(WAIT);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void noMoreJobsRunAtOnceThanTheVariantAllows(WorkerVariant variant) {
        pool = WorkerPools.create(new WorkerSettings(variant, 3, 20), "test");
        int allowed = variant == WorkerVariant.SEQUENTIAL ? 1 : 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();

        for (int i = 0; i < 12; i++) {
            pool.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                awaitRelease();
                running.decrementAndGet();
                done.incrementAndGet();
            });
        }
        await().atMost(WAIT).until(() -> running.get() == allowed);
        await().atMost(WAIT).until(() -> pool.waiting() == 12 - allowed);
        release.countDown();

        await().atMost(WAIT).until(() -> done.get() == 12);
        assertThat(mostAtOnce).hasValue(allowed);
        await().atMost(WAIT).until(() -> pool.waiting() == 0);
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void aFullQueueRefusesTheJobAndNamesItsSize(WorkerVariant variant) {
        pool = WorkerPools.create(new WorkerSettings(variant, 1, 1), "test");
        AtomicInteger started = new AtomicInteger();
        pool.execute(() -> {
            started.incrementAndGet();
            awaitRelease();
        });
        pool.execute(started::incrementAndGet);

        assertThatThrownBy(() -> pool.execute(started::incrementAndGet))
                .isInstanceOfSatisfying(WorkRejected.class, rejected -> {
                    assertThat(rejected.why()).isEqualTo(WorkRejected.Why.QUEUE_FULL);
                    assertThat(rejected.queueSize()).isEqualTo(1);
                })
                .hasMessage("the queue is full: 1 jobs are waiting for 1 workers (workers.queue=1); retry later");

        release.countDown();
        await().atMost(WAIT).until(() -> started.get() == 2);
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void shutdownDropsQueuedJobsLetsRunningOnesFinishAndTakesNoMore(WorkerVariant variant) throws InterruptedException {
        pool = WorkerPools.create(new WorkerSettings(variant, 1, 5), "test");
        CountDownLatch firstStarted = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger queuedRan = new AtomicInteger();
        pool.execute(() -> {
            firstStarted.countDown();
            awaitRelease();
            finished.incrementAndGet();
        });
        pool.execute(queuedRan::incrementAndGet);
        pool.execute(queuedRan::incrementAndGet);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

        pool.shutdown();

        assertThatThrownBy(() -> pool.execute(queuedRan::incrementAndGet))
                .isInstanceOfSatisfying(WorkRejected.class, rejected -> assertThat(rejected.why()).isEqualTo(WorkRejected.Why.SHUTTING_DOWN));
        assertThat(pool.awaitTermination(Duration.ofMillis(100))).isFalse();
        release.countDown();
        assertThat(pool.awaitTermination(WAIT)).isTrue();
        assertThat(finished).hasValue(1);
        assertThat(queuedRan).hasValue(0);
        await().atMost(WAIT).until(() -> pool.waiting() == 0);
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void interruptingRunningJobsEndsThem(WorkerVariant variant) throws InterruptedException {
        pool = WorkerPools.create(new WorkerSettings(variant, 2, 5), "test");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        pool.shutdown();
        pool.interruptRunning();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.awaitTermination(WAIT)).isTrue();
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
