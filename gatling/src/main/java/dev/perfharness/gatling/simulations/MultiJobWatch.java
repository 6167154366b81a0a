package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.perfharness.gatling.support.JobRequests;
import dev.perfharness.gatling.support.JobWatchTally;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import dev.perfharness.gatling.support.WatchSimulation;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;

/**
 * Seed 001's {@code wsbench -c 20 -m message ws://.../ws/image-pull-all} with 10 subscriptions each:
 * 20 clients, each holding one connection, starting 10 pulls, subscribing to all 10, and reading status
 * messages until all 10 have ended; then the next 10, for {@code duration}.
 *
 * <p>The subscriptions go out right after the pulls start, well inside the simulated puller's first
 * step, and every frame that arrives while a check waits goes through the user's tally: its delivery
 * latency is recorded and skipped versions are counted ({@code watch.json}). A job whose final status
 * never arrives fails the {@code job-updates} check within {@code watchTimeout}, and the run.
 *
 * <p>Knobs: {@code clients} (20), {@code subscriptions} (10), {@code duration} seconds (60),
 * {@code watchTimeout} seconds (30).
 */
public class MultiJobWatch extends WatchSimulation {
    private static final int CLIENTS = Knobs.positive("clients", 20);
    private static final int SUBSCRIPTIONS = Knobs.positive("subscriptions", 10);
    private static final Duration DURATION = Knobs.duration(60);
    private static final Duration WATCH_TIMEOUT = Knobs.seconds("watchTimeout", 30);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final ScenarioBuilder clients = scenario("multi-job watchers")
            .exec(ws("watch-all").connect("/ws/image-pull-all"))
            .during(DURATION).on(
                    exec(session -> session.set(JobRequests.TALLY, new JobWatchTally()))
                    .exec(repeat(SUBSCRIPTIONS).on(
                            exec(JobRequests.startPull("jobId")).exitHereIfFailed()
                            .exec(session -> {
                                JobRequests.tally(session).watch(session.getString("jobId"));
                                return session;
                            })
                            .exec(JobRequests.subscribe(JobRequests.SUBSCRIBE)
                                    .await(ACK_TIMEOUT).on(JobRequests.subscribed()))))
                    .exec(JobRequests.observeUnmatched())
                    // A repeated subscribe is acknowledged and changes nothing: it carries the wait for the updates.
                    .exec(JobRequests.subscribe(JobRequests.AWAIT_UPDATES)
                            .await(ACK_TIMEOUT).on(JobRequests.subscribed())
                            .await(WATCH_TIMEOUT).on(JobRequests.untilWatchedJobsEnd("job-updates"))))
            .exec(ws("watch-all").close());

    {
        setUp(clients.injectOpen(rampUsers(CLIENTS).during(Duration.ofSeconds(1))))
                .protocols(ServiceProtocol.http().shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
