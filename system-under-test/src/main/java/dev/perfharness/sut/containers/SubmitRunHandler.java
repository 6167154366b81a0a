package dev.perfharness.sut.containers;

import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.http.JsonResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/containers/run {"image": optional, "command": ["sh","-c","..."]}}: queues a run and
 * answers 202 {@code {"run_id","status"}} at once, with its URL in {@code Location}. A malformed request is
 * a 400 naming the field and value; a full queue is a 503 naming the queue's size, with {@code Retry-After}.
 */
final class SubmitRunHandler extends ApiHandler {
    private final ContainerRuns runs;
    private final String defaultImage;

    SubmitRunHandler(ContainerRuns runs, String defaultImage) {
        super(HttpMethod.POST);
        this.runs = runs;
        this.defaultImage = defaultImage;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) throws IOException {
        RunRequest run = RunRequest.parse(body(request), defaultImage);
        RunView queued;
        try {
            queued = runs.submit(run);
        } catch (WorkRejected rejected) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", rejected.getMessage());
            body.put("queue_size", rejected.queueSize());
            body.put("workers", runs.workers());
            if (rejected.why() == WorkRejected.Why.QUEUE_FULL) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
            JsonResponse.send(response, 503, body, callback);
            return true;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", queued.runId());
        body.put("status", queued.status());
        response.getHeaders().put(HttpHeader.LOCATION, ContainerRuns.RUNS_PREFIX + queued.runId());
        JsonResponse.send(response, 202, body, callback);
        return true;
    }

    private static String body(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > RunRequest.MAX_BODY_BYTES) {
            throw new BadRequest("body", declared + " bytes", "the body of %d bytes is above the limit of %d".formatted(declared, RunRequest.MAX_BODY_BYTES));
        }
        return JsonBodies.bounded(request, RunRequest.MAX_BODY_BYTES);
    }
}
