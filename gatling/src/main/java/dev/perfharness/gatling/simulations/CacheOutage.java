package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.perfharness.gatling.support.JobRequests;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Dashboards polling the active jobs while Redis goes away and comes back: the orchestrator stops
 * Redis a third of the way through {@code duration} and starts it again at two thirds. Seed 001 says
 * a cache error falls back to the tracker, so not one request may fail; the latency before, during and
 * after the outage is read from the request records by their times.
 *
 * <p>Knobs: {@code dashboards} (50), {@code pollMillis} (200), {@code duration} seconds (30).
 */
public class CacheOutage extends Simulation {
    private static final int DASHBOARDS = Knobs.positive("dashboards", 50);
    /** Gatling injects no user when a ramp is shorter than a second: starts are spread over one second at least. */
    private static final Duration STAGGER = Duration.ofMillis(Math.max(1000, Knobs.positive("pollMillis", 1000)));
    private static final Duration POLL = Duration.ofMillis(Knobs.positive("pollMillis", 200));
    private static final Duration DURATION = Knobs.duration(30);

    private final ScenarioBuilder dashboards = scenario("dashboards")
            .during(DURATION).on(pace(POLL).exec(JobRequests.activeJobs()));

    {
        setUp(dashboards.injectOpen(rampUsers(DASHBOARDS).during(STAGGER)))
                .protocols(ServiceProtocol.http())
                .assertions(global().failedRequests().count().is(0L));
    }
}
