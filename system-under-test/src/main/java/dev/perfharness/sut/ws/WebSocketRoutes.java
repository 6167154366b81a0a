package dev.perfharness.sut.ws;

import dev.perfharness.config.WatchSettings;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.watch.JobWatches;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/** Maps the job-watch WebSockets and sets the limits every WebSocket of the service shares. */
public final class WebSocketRoutes {
    /** Beyond this, Jetty itself closes the connection with 1009 (message too big); below it, the endpoint answers. */
    static final long HARD_MESSAGE_LIMIT = 64 * 1024;
    private static final String SINGLE_PREFIX = "/ws/image-pull/";

    private WebSocketRoutes() {
    }

    public static void configure(ServerWebSocketContainer container, WatchSettings settings) {
        container.setIdleTimeout(settings.idleTimeout());
        container.setMaxTextMessageSize(Math.max(HARD_MESSAGE_LIMIT, settings.maxMessageBytes()));
        container.setMaxBinaryMessageSize(Math.max(HARD_MESSAGE_LIMIT, settings.maxMessageBytes()));
    }

    public static void addJobWatches(ServerWebSocketContainer container, WatchSettings settings, JobTracker tracker,
            JobWatches watches, WebSocketConnections connections) {
        container.addMapping(SINGLE_PREFIX + "*", (request, response, callback) -> {
            String jobId = request.getHttpURI().getPath().substring(SINGLE_PREFIX.length());
            if (jobId.isEmpty() || jobId.contains("/")) {
                JsonResponse.badRequest(response, new BadRequest("jobId", jobId,
                        "expected /ws/image-pull/{jobId}, got " + request.getHttpURI().getPath()), callback);
                return null;
            }
            return new SingleJobWatchSocket(jobId, tracker, watches, connections);
        });
        container.addMapping(MultiJobWatchSocket.ENDPOINT, (request, response, callback) ->
                new MultiJobWatchSocket(tracker, watches, connections, settings.maxSubscriptions(), settings.maxMessageBytes()));
    }
}
