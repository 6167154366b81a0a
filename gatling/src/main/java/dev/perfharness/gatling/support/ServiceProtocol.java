package dev.perfharness.gatling.support;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The HTTP and WebSocket protocol every simulation starts from. */
public final class ServiceProtocol {
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
                .disableWarmUp();
    }
}
