package dev.perfharness.sut.watch;

import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.metrics.ServiceMetrics;

/**
 * A job snapshot on its way to watchers, serialized at most once however many watchers get it
 * (fan-out sends the same string to every subscriber).
 */
public final class JobUpdate {
    private final PullJob job;
    private final ServiceMetrics metrics;
    private String json;
    private String envelope;

    public JobUpdate(PullJob job, ServiceMetrics metrics) {
        this.job = job;
        this.metrics = metrics;
    }

    public PullJob job() {
        return job;
    }

    /** The job as JSON: what {@code /ws/image-pull/{jobId}} sends. */
    public String json() {
        String result = json;
        if (result == null) {
            result = metrics.timeSerialization("job-status", () -> Json.write(job));
            json = result;
        }
        return result;
    }

    /** {@code {"type":"status","job":{...}}}: what {@code /ws/image-pull-all} sends. */
    public String envelope() {
        String result = envelope;
        if (result == null) {
            result = "{\"type\":\"status\",\"job\":" + json() + "}";
            envelope = result;
        }
        return result;
    }
}
