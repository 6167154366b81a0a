package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.perfharness.gatling.support.JobRequests;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Seed 000/001's {@code ab -c 100 -n 10000 .../pull-active}, as what it stands for: 100 dashboards, each
 * polling the active jobs once a second and waiting for its answer (a closed system: a slow service
 * slows the polling, as it would real dashboards), plus viewers of the failed-jobs list at several
 * {@code limit}s, one cache key each. Dashboards start spread over one poll period, not in step, and
 * each keeps its own keep-alive connection, as a browser would.
 *
 * <p>Knobs: {@code dashboards} (100), {@code failedViewers} (10), {@code pollMillis} (1000),
 * {@code limits} (10,50,100,500), {@code duration} seconds (60).
 */
public class DashboardPolling extends Simulation {
    private static final int DASHBOARDS = Knobs.positive("dashboards", 100);
    private static final int FAILED_VIEWERS = Knobs.positive("failedViewers", 10);
    /** Gatling injects no user when a ramp is shorter than a second: starts are spread over one second at least. */
    private static final Duration STAGGER = Duration.ofMillis(Math.max(1000, Knobs.positive("pollMillis", 1000)));
    private static final Duration POLL = Duration.ofMillis(Knobs.positive("pollMillis", 1000));
    private static final Duration DURATION = Knobs.duration(60);
    private static final List<Map<String, Object>> LIMITS = Arrays.stream(Knobs.text("limits", "10,50,100,500").split(","))
            .map(limit -> Map.<String, Object>of("limit", Integer.parseInt(limit.trim())))
            .toList();

    private final ScenarioBuilder dashboards = scenario("dashboards")
            .during(DURATION).on(pace(POLL).exec(JobRequests.activeJobs()));

    private final ScenarioBuilder failedViewers = scenario("failed-jobs viewers")
            .feed(listFeeder(LIMITS).circular())
            .during(DURATION).on(pace(POLL).exec(JobRequests.failedJobs()));

    {
        setUp(dashboards.injectOpen(rampUsers(DASHBOARDS).during(STAGGER)),
                failedViewers.injectOpen(rampUsers(FAILED_VIEWERS).during(STAGGER)))
                .protocols(ServiceProtocol.http())
                .assertions(global().failedRequests().count().is(0L));
    }
}
