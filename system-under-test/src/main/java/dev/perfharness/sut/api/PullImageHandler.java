package dev.perfharness.sut.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.images.ImageReference;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/images/pull {"image":"..."}}: records a pending job, hands it to the puller and
 * answers 202 with the job id at once. Never cached (seed 000: "no caching benefit for writes").
 */
public final class PullImageHandler extends ApiHandler {
    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final String EXAMPLE = "{\"image\":\"library/redis:7.4\"}";

    private final JobTracker tracker;
    private final ImagePuller puller;

    public PullImageHandler(JobTracker tracker, ImagePuller puller) {
        super(HttpMethod.POST);
        this.tracker = tracker;
        this.puller = puller;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) throws IOException {
        String image = image(request);
        PullJob job = tracker.create(image);
        puller.start(job, tracker.progressOf(job.id()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id());
        body.put("image", job.image());
        body.put("status", job.status());
        JsonResponse.send(response, 202, body, callback);
        return true;
    }

    private static String image(Request request) throws IOException {
        JsonNode body = JsonBodies.object(request, MAX_BODY_BYTES, EXAMPLE);
        return ImageReference.require("image", JsonBodies.text(body, "image", EXAMPLE));
    }
}
