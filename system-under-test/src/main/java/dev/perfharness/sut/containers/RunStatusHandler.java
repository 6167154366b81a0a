package dev.perfharness.sut.containers;

import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.JsonResponse;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /api/v1/containers/runs/{runId}}: the run with its output so far, or a 404 naming the id. */
final class RunStatusHandler extends ApiHandler {
    private final ContainerRuns runs;

    RunStatusHandler(ContainerRuns runs) {
        super(HttpMethod.GET, InvocationType.NON_BLOCKING);
        this.runs = runs;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String runId = path.startsWith(ContainerRuns.RUNS_PREFIX) ? path.substring(ContainerRuns.RUNS_PREFIX.length()) : "";
        runs.find(runId).ifPresentOrElse(
                run -> JsonResponse.send(response, 200, run, callback),
                () -> JsonResponse.send(response, 404, Map.of("error", "unknown run id: " + runId, "run_id", runId), callback));
        return true;
    }
}
