package dev.perfharness.gatling.launch;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

import io.gatling.javaapi.core.Simulation;

/** For GatlingLauncherIT's timeout: one user that only waits, far longer than the test lets it run. */
public class SlowSimulation extends Simulation {
    {
        setUp(scenario("waits").pause(Duration.ofMinutes(5)).injectOpen(atOnceUsers(1)));
    }
}
