package dev.perfharness.sut.watch;

import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The before variant, as seed 000's handlers were: a loop per watch (a goroutine there, a virtual
 * thread here) that reads its job every {@code ws.poll-interval} (100 ms), sends it when it changed,
 * and pings on its own ticker.
 *
 * <p>Nothing tells a loop that its client left (the seed's before had no {@code readDone}): it finds
 * out at its next failed write, a change of its job or its next ping, up to a ping interval later. Until
 * then it keeps polling. {@code ws_watchers_active{variant="before"}} shows these lingering loops.
 */
final class PollingWatches implements JobWatches {
    private final ConcurrentHashMap<Watch, Thread> loops = new ConcurrentHashMap<>();
    private final JobTracker tracker;
    private final ServiceMetrics metrics;
    private final Duration pollInterval;
    private final Duration pingInterval;

    PollingWatches(JobTracker tracker, ServiceMetrics metrics, Duration pollInterval, Duration pingInterval) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.pollInterval = pollInterval;
        this.pingInterval = pingInterval;
        Gauge.builder("ws.watchers.active", loops, ConcurrentHashMap::size)
                .description("job watches alive").tag("variant", "before").register(metrics.registry());
    }

    private record Watch(String jobId, WatchSink sink) {
    }

    @Override
    public void subscribe(String jobId, WatchSink sink) {
        Watch watch = new Watch(jobId, sink);
        Thread[] created = new Thread[1];
        loops.computeIfAbsent(watch, key -> created[0] = Thread.ofVirtual().name("job-watch-" + jobId).unstarted(() -> poll(key)));
        if (created[0] != null) {
            created[0].start();
        }
    }

    private void poll(Watch watch) {
        long lastVersion = -1;
        long lastPing = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<PullJob> current = tracker.find(watch.jobId());
                if (current.isEmpty()) {
                    return;
                }
                PullJob job = current.get();
                if (job.version() != lastVersion) {
                    if (!watch.sink().deliver(new JobUpdate(job, metrics))) {
                        return;
                    }
                    lastVersion = job.version();
                }
                if (job.status().finished()) {
                    return;
                }
                if (System.nanoTime() - lastPing >= pingInterval.toNanos()) {
                    if (!watch.sink().ping()) {
                        return;
                    }
                    lastPing = System.nanoTime();
                }
                Thread.sleep(pollInterval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.remove(watch, Thread.currentThread());
        }
    }

    @Override
    public void unsubscribe(String jobId, WatchSink sink) {
        Thread loop = loops.remove(new Watch(jobId, sink));
        if (loop != null) {
            loop.interrupt();
        }
    }

    @Override
    public int active() {
        return loops.size();
    }

    @Override
    public boolean endpointCleansUp() {
        return false;
    }

    @Override
    public void close() {
        loops.values().forEach(Thread::interrupt);
        loops.clear();
    }
}
