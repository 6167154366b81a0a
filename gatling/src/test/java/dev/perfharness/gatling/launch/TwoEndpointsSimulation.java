package dev.perfharness.gatling.launch;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * For GatlingLauncherIT: {@value #USERS_PER_SECOND} users a second for {@value #SECONDS} s, each calling
 * "fast" and then "flaky page" once on the test's server at 127.0.0.1:{@code it.port}. The server fails
 * some flaky requests; {@code it.maxFailed} decides whether the failures fail the run.
 */
public class TwoEndpointsSimulation extends Simulation {
    static final int USERS_PER_SECOND = 20;
    static final int SECONDS = 2;
    static final String FAST = "fast";
    static final String FLAKY = "flaky page";

    {
        HttpProtocolBuilder local = http.baseUrl("http://127.0.0.1:" + Integer.getInteger("it.port"))
                .disableWarmUp()
                .shareConnections();
        ScenarioBuilder fastThenFlaky = scenario("fast then flaky")
                .exec(http(FAST).get("/fast").check(status().is(200)))
                .exec(http(FLAKY).get("/flaky").check(status().is(200)));
        setUp(fastThenFlaky.injectOpen(constantUsersPerSec(USERS_PER_SECOND).during(SECONDS)))
                .protocols(local)
                .assertions(
                        global().failedRequests().count().lte(Long.getLong("it.maxFailed")),
                        details(FAST).successfulRequests().percent().is(100.0));
    }
}
