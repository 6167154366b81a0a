package dev.perfharness.gatling.support;

import io.gatling.javaapi.core.Simulation;

/**
 * What the job-watch simulations share around the load: delivery latency starts being cut into
 * intervals before the first user, and after the last one its log and the watch totals are written.
 */
public abstract class WatchSimulation extends Simulation {

    @Override
    public void before() {
        DeliveryLatency.start();
    }

    @Override
    public void after() {
        DeliveryLatency.finish();
        SideOutputs.writeJson("watch.json", JobWatchTally.totals());
    }
}
