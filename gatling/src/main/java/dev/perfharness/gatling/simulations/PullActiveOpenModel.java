package dev.perfharness.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.perfharness.gatling.support.JobRequests;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.gatling.support.ServiceProtocol;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The active-jobs endpoint at fixed arrival rates, in steps, for capacity: an open model, where a
 * request is due at its arrival time whether or not the previous one has been answered. A slow service
 * therefore meets more concurrent requests instead of fewer (no coordinated omission), and each
 * response time counts from its due time.
 *
 * <p>Knobs: {@code startRate} (100 requests/s), {@code rateStep} (100), {@code levels} (5); each level
 * lasts {@code levelSeconds}, by default what fits {@code duration} (50 s) with 1 s ramps between levels.
 * Users share one connection pool, as many dashboards behind one proxy would.
 */
public class PullActiveOpenModel extends Simulation {
    private static final int START_RATE = Knobs.positive("startRate", 100);
    private static final int RATE_STEP = Knobs.positive("rateStep", 100);
    private static final int LEVELS = Knobs.positive("levels", 5);
    private static final int LEVEL_SECONDS = Knobs.positive("levelSeconds",
            Math.max(1, (int) ((Knobs.duration(50).toSeconds() - (LEVELS - 1)) / LEVELS)));

    private final ScenarioBuilder arrivals = scenario("arrivals").exec(JobRequests.activeJobs());

    {
        setUp(arrivals.injectOpen(incrementUsersPerSec(RATE_STEP).times(LEVELS)
                        .eachLevelLasting(Duration.ofSeconds(LEVEL_SECONDS))
                        .separatedByRampsLasting(Duration.ofSeconds(1))
                        .startingFrom(START_RATE)))
                .protocols(ServiceProtocol.http().shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
