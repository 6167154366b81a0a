package dev.perfharness.sut.ws;

import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullState;
import dev.perfharness.sut.watch.JobUpdate;
import dev.perfharness.sut.watch.JobWatches;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * {@code WS /ws/image-pull/{jobId}}: the job's snapshot on every change, then a normal close (1000)
 * when the job completes or fails. An unknown job id is closed at once with code 4404 and a reason
 * naming it. Client messages are read and ignored (reading is what notices a client leaving).
 */
public final class SingleJobWatchSocket extends WatchSocket {
    public static final String ENDPOINT = "/ws/image-pull/{jobId}";
    /** Application close code (4000-4999 are the application's): "no such job", after HTTP's 404. */
    public static final int UNKNOWN_JOB = 4404;

    private final String jobId;
    private final JobTracker tracker;
    private long lastVersion = -1;

    SingleJobWatchSocket(String jobId, JobTracker tracker, JobWatches watches, WebSocketConnections connections) {
        super(ENDPOINT, watches, connections);
        this.jobId = jobId;
        this.tracker = tracker;
    }

    @Override
    protected void opened() {
        if (tracker.find(jobId).isEmpty()) {
            connection.close(UNKNOWN_JOB, "unknown job id: " + jobId);
            return;
        }
        watches.subscribe(jobId, this);
    }

    @Override
    public synchronized boolean deliver(JobUpdate update) {
        PullJob job = update.job();
        if (job.version() <= lastVersion) {
            return connection.isOpen();
        }
        lastVersion = job.version();
        if (!job.status().finished()) {
            return sendUpdate(update.json());
        }
        String reason = job.status() == PullState.COMPLETED ? "job completed" : "job failed";
        return connection.send(update.json(), Callback.from(
                () -> connection.close(StatusCode.NORMAL, reason),
                failure -> connection.close(StatusCode.NORMAL, reason)));
    }

    @Override
    protected void cancelWatches() {
        watches.unsubscribe(jobId, this);
    }
}
