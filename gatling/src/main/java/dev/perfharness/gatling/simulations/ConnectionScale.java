package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.perfharness.gatling.support.JobFeed;
import dev.perfharness.gatling.support.JobRequests;
import dev.perfharness.gatling.support.JobWatchTally;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import dev.perfharness.gatling.support.WatchSimulation;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;

/**
 * Seed 001's "1000+ concurrent WebSocket connections", pushed to 10 000: connections to
 * {@code /ws/image-pull-all} ramp up over {@code ramp} seconds and are held for {@code duration}
 * seconds, each watching one running job at a time and getting about one update per second (the
 * orchestrator sets the simulated pull to ten steps of one second). A feeder starts {@code jobsPerSecond}
 * pulls, and each connection watches the newest one to its end, then the next.
 *
 * <p>The service runs in its own process, so the connections count against its open-file limit and
 * this JVM's separately; the orchestrator reads the service's heap while all connections are held.
 *
 * <p>Knobs: {@code connections} (10000), {@code ramp} seconds (60), {@code duration} seconds held (60),
 * {@code jobsPerSecond} (10), {@code watchTimeout} seconds (30).
 */
public class ConnectionScale extends WatchSimulation {
    private static final int CONNECTIONS = Knobs.positive("connections", 10_000);
    private static final Duration RAMP = Knobs.seconds("ramp", 60);
    private static final Duration HOLD = Knobs.duration(60);
    private static final int JOBS_PER_SECOND = Knobs.positive("jobsPerSecond", 10);
    private static final Duration WATCH_TIMEOUT = Knobs.seconds("watchTimeout", 30);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final JobFeed FEED = new JobFeed();
    private static volatile long endMillis;

    private final ScenarioBuilder feeder = scenario("job feeder")
            .exec(JobRequests.startPull("jobId"))
            .exec(session -> {
                FEED.add(session.getString("jobId"));
                return session;
            });

    private final ScenarioBuilder connections = scenario("connections")
            .asLongAs(session -> FEED.newest().isEmpty()).on(pause(Duration.ofMillis(100)))
            .exec(ws("watch-all").connect("/ws/image-pull-all"))
            .exec(asLongAs(session -> System.currentTimeMillis() < endMillis).on(
                    exec(session -> {
                        String jobId = FEED.newest().orElseThrow();
                        return session.set("jobId", jobId).set(JobRequests.TALLY, new JobWatchTally().watch(jobId));
                    })
                    .exec(JobRequests.subscribe(JobRequests.SUBSCRIBE)
                            .await(ACK_TIMEOUT).on(JobRequests.subscribed())
                            .await(WATCH_TIMEOUT).on(JobRequests.untilWatchedJobsEnd("job-updates")))))
            .exec(ws("watch-all").close());

    @Override
    public void before() {
        endMillis = System.currentTimeMillis() + RAMP.toMillis() + HOLD.toMillis();
        super.before();
    }

    {
        Duration feeding = RAMP.plus(HOLD);
        setUp(feeder.injectOpen(constantUsersPerSec(JOBS_PER_SECOND).during(feeding)),
                connections.injectOpen(rampUsers(CONNECTIONS).during(RAMP)))
                .protocols(ServiceProtocol.http().shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
