package dev.perfharness.gatling.support;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs most recently started by a simulation's feeder, for many watchers to share: thousands of
 * connections watch a few hundred jobs, as dashboards share a cluster's pulls, and the service's
 * tracker grows by the feeder's rate rather than by one job per watcher.
 */
public final class JobFeed {
    private final AtomicReferenceArray<String> recent;
    private final AtomicLong added = new AtomicLong();

    public JobFeed(int capacity) {
        recent = new AtomicReferenceArray<>(capacity);
    }

    public void add(String jobId) {
        long index = added.getAndIncrement();
        recent.set((int) (index % recent.length()), jobId);
    }

    /** The newest job, which has the most updates still to come; empty until the feeder started one. */
    public Optional<String> newest() {
        long count = added.get();
        return count == 0 ? Optional.empty() : Optional.ofNullable(recent.get((int) ((count - 1) % recent.length())));
    }
}
