package dev.perfharness.sut.api;

import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.jobs.JobTracker;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /api/v1/images/pull/{jobId}}: one job's snapshot, or a 404 naming the id. */
public final class PullJobHandler extends Handler.Abstract.NonBlocking {
    public static final String PREFIX = "/api/v1/images/pull/";

    private final JobTracker tracker;

    public PullJobHandler(JobTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String jobId = request.getHttpURI().getPath().substring(PREFIX.length());
        tracker.find(jobId).ifPresentOrElse(
                job -> JsonResponse.send(response, 200, job, callback),
                () -> JsonResponse.send(response, 404, Map.of("error", "unknown job id: " + jobId, "job_id", jobId), callback));
        return true;
    }
}
