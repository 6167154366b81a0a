package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import dev.perfharness.gatling.support.SideOutputs;
import dev.perfharness.gatling.support.StreamTally;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Seed 001's pod-log load test ("5 concurrent, 4MB logs"): five clients each stream a whole 4 MiB log
 * from the service's synthetic source over {@code /ws/pod-logs}, as fast as the service sends it. The
 * orchestrator sets the service's synthetic log to the same size ({@code lines} x {@code lineBytes})
 * with no rate limit, so the stream itself is what is measured: bytes per second per stream and in all
 * go to {@code streams.json}.
 *
 * <p>Knobs: {@code streams} (5), {@code lines} (8192), {@code lineBytes} (512), {@code streamTimeout}
 * seconds (120).
 */
public class PodLogStreaming extends Simulation {
    private static final int STREAMS = Knobs.positive("streams", 5);
    private static final long EXPECTED_BYTES = (long) Knobs.positive("lines", 8192) * Knobs.positive("lineBytes", 512);
    private static final Duration STREAM_TIMEOUT = Knobs.seconds("streamTimeout", 120);

    private final ScenarioBuilder readers = scenario("log readers")
            .exec(session -> session.set("pod", "pod-" + session.userId())
                    .set("stream", new StreamTally("pod-" + session.userId(), EXPECTED_BYTES)))
            .exec(ws("stream").connect("/ws/pod-logs?namespace=default&pod=#{pod}")
                    .await(STREAM_TIMEOUT).on(ws.checkTextMessage("log-stream")
                            .matching(bodyString().transformWithSession((frame, session) ->
                                    session.<StreamTally>get("stream").add(frame)).is(true))))
            .exec(ws("stream").close());

    {
        setUp(readers.injectOpen(atOnceUsers(STREAMS)))
                .protocols(ServiceProtocol.http())
                .assertions(global().failedRequests().count().is(0L),
                        details("log-stream").successfulRequests().count().is((long) STREAMS));
    }

    @Override
    public void after() {
        SideOutputs.writeJson("streams.json", StreamTally.totals());
    }
}
