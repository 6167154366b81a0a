package dev.perfharness.sut.watch;

import dev.perfharness.config.Variant;
import dev.perfharness.config.WatchSettings;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.metrics.ServiceMetrics;

/**
 * How the job-watch WebSockets learn that a job changed: the one seam between the before variant
 * (a polling loop per watch) and the after variant (one event-driven fan-out registry). Both
 * WebSocket endpoints use it the same way; only this choice differs.
 */
public interface JobWatches extends AutoCloseable {

    /**
     * Delivers the job's current snapshot to {@code sink}, then every change until the job finishes or
     * the watch is cancelled. Snapshots carry a version: a sink may see one twice, never miss the last.
     */
    void subscribe(String jobId, WatchSink sink);

    /** Stops delivering changes of {@code jobId} to {@code sink}; a no-op if it was not subscribed. */
    void unsubscribe(String jobId, WatchSink sink);

    /** Watches alive: polling loops (before) or registry entries (after). */
    int active();

    /** Whether a closed connection's watches must be removed by the endpoint (after) or outlive it (before, as the seed's loops did). */
    boolean endpointCleansUp();

    @Override
    void close();

    static JobWatches create(WatchSettings settings, JobTracker tracker, ServiceMetrics metrics) {
        return settings.variant() == Variant.AFTER
                ? new FanOutWatches(tracker, metrics)
                : new PollingWatches(tracker, metrics, settings.pollInterval(), settings.pingInterval());
    }
}
