package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
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
 * Seed 001's {@code wsbench -c 20} with 10 subscriptions each, on the single-job endpoint, where one
 * subscription is one connection: 200 watchers, each starting a pull, watching it on
 * {@code /ws/image-pull/{id}} until its last update (the service then closes the connection), and
 * starting the next, for {@code duration}.
 *
 * <p>Every update's delivery latency (the job's change in the service to its arrival here) goes to
 * {@code delivery.hlog}; a watch whose final update does not arrive within {@code watchTimeout} fails
 * its check, and with it the run.
 *
 * <p>Knobs: {@code clients} (20), {@code subscriptions} (10 per client), {@code duration} seconds (60),
 * {@code watchTimeout} seconds (30).
 */
public class SingleJobWatch extends WatchSimulation {
    private static final int CLIENTS = Knobs.positive("clients", 20);
    private static final int SUBSCRIPTIONS = Knobs.positive("subscriptions", 10);
    private static final Duration DURATION = Knobs.duration(60);
    private static final Duration WATCH_TIMEOUT = Knobs.seconds("watchTimeout", 30);

    private final ScenarioBuilder watchers = scenario("single-job watchers")
            .during(DURATION).on(
                    exec(JobRequests.startPull("jobId")).exitHereIfFailed()
                    .exec(session -> session.set(JobRequests.TALLY, new JobWatchTally().watch(session.getString("jobId"))))
                    .exec(ws("watch").connect("/ws/image-pull/#{jobId}")
                            .await(WATCH_TIMEOUT).on(JobRequests.untilWatchedJobsEnd("job-updates")))
                    .exec(ws("watch").close()));

    {
        setUp(watchers.injectOpen(rampUsers(CLIENTS * SUBSCRIPTIONS).during(Duration.ofSeconds(1))))
                .protocols(ServiceProtocol.http().shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
