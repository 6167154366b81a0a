package dev.perfharness.gatling.support;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The HTTP and WebSocket protocol every simulation starts from. */
public final class ServiceProtocol {
    /** More frames than a watcher's jobs send while it starts its next pulls. */
    static final int UNMATCHED_FRAMES = 10_000;

    private ServiceProtocol() {
    }

    /**
     * The service at {@link Knobs#baseUrl()}. The warm-up request Gatling sends by default goes to
     * gatling.io: turned off, so a run touches nothing but the service.
     */
    public static HttpProtocolBuilder http() {
        return http.baseUrl(Knobs.baseUrl())
                .wsBaseUrl(Knobs.webSocketBaseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                // WebSocket frames that arrive while no check waits (a watcher busy starting its next pull) are
                // kept for JobRequests.observeUnmatched, instead of being dropped with a job's final update in them.
                .wsUnmatchedInboundMessageBufferSize(UNMATCHED_FRAMES)
                .disableWarmUp();
    }
}
