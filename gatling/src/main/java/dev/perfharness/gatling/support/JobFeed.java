package dev.perfharness.gatling.support;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The job a simulation's feeder started last, for many watchers to share: thousands of connections
 * watch a few hundred jobs, as dashboards share a cluster's pulls, and the service's tracker grows by
 * the feeder's rate rather than by one job per watcher.
 */
public final class JobFeed {
    private final AtomicReference<String> newest = new AtomicReference<>();

    public void add(String jobId) {
        newest.set(jobId);
    }

    /** The newest job, which has the most updates still to come; empty until the feeder started one. */
    public Optional<String> newest() {
        return Optional.ofNullable(newest.get());
    }
}
