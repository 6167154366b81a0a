package dev.perfharness.sut.watch;

import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The after variant: one registry from job id to the sinks watching it, fed by the tracker's change
 * events. No thread and no timer per watch; a subscription is one array slot here (plus one in the
 * connection's own list), which is what keeps it under seed 001's 50 bytes.
 *
 * <p>Arrays are copied on write: changes are rare next to deliveries, and delivery reads without a lock.
 */
final class FanOutWatches implements JobWatches {
    private static final WatchSink[] NONE = new WatchSink[0];

    private final ConcurrentHashMap<String, WatchSink[]> sinksByJob = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final JobTracker tracker;
    private final ServiceMetrics metrics;
    private final Consumer<PullJob> listener = this::changed;

    FanOutWatches(JobTracker tracker, ServiceMetrics metrics) {
        this.tracker = tracker;
        this.metrics = metrics;
        tracker.addListener(listener);
        Gauge.builder("ws.watchers.active", subscriptions, AtomicInteger::get)
                .description("job watches alive").tag("variant", "after").register(metrics.registry());
    }

    @Override
    public void subscribe(String jobId, WatchSink sink) {
        PullJob now = tracker.find(jobId).orElse(null);
        if (now == null) {
            return;
        }
        if (now.status().finished()) {
            sink.deliver(new JobUpdate(now, metrics));
            return;
        }
        // Registered before the current snapshot is read again, so no change can fall between the two.
        sinksByJob.compute(jobId, (id, sinks) -> {
            WatchSink[] current = sinks == null ? NONE : sinks;
            for (WatchSink existing : current) {
                if (existing == sink) {
                    return current;
                }
            }
            WatchSink[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = sink;
            subscriptions.incrementAndGet();
            return grown;
        });
        PullJob current = tracker.find(jobId).orElse(null);
        boolean delivered = current != null && sink.deliver(new JobUpdate(current, metrics));
        // Finished between the two reads: its last event may have gone out before the sink was registered.
        if (!delivered || current.status().finished()) {
            unsubscribe(jobId, sink);
        }
    }

    @Override
    public void unsubscribe(String jobId, WatchSink sink) {
        sinksByJob.computeIfPresent(jobId, (id, sinks) -> {
            int index = indexOf(sinks, sink);
            if (index < 0) {
                return sinks;
            }
            subscriptions.decrementAndGet();
            if (sinks.length == 1) {
                return null;
            }
            WatchSink[] shrunk = new WatchSink[sinks.length - 1];
            System.arraycopy(sinks, 0, shrunk, 0, index);
            System.arraycopy(sinks, index + 1, shrunk, index, sinks.length - index - 1);
            return shrunk;
        });
    }

    private void changed(PullJob job) {
        WatchSink[] sinks = job.status().finished() ? removeAll(job.id()) : sinksByJob.get(job.id());
        if (sinks == null) {
            return;
        }
        JobUpdate update = new JobUpdate(job, metrics);
        for (WatchSink sink : sinks) {
            if (!sink.deliver(update)) {
                unsubscribe(job.id(), sink);
            }
        }
    }

    /** A finished job never changes again: its watches end with this last delivery. */
    private WatchSink[] removeAll(String jobId) {
        WatchSink[] sinks = sinksByJob.remove(jobId);
        if (sinks != null) {
            subscriptions.addAndGet(-sinks.length);
        }
        return sinks;
    }

    private static int indexOf(WatchSink[] sinks, WatchSink sink) {
        for (int i = 0; i < sinks.length; i++) {
            if (sinks[i] == sink) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int active() {
        return subscriptions.get();
    }

    @Override
    public boolean endpointCleansUp() {
        return true;
    }

    @Override
    public void close() {
        tracker.removeListener(listener);
        sinksByJob.clear();
        subscriptions.set(0);
    }
}
