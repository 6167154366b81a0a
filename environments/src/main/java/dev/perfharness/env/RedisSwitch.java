package dev.perfharness.env;

/**
 * Takes an environment's Redis away and brings it back on the same address: how a load run shows what
 * the service does during a cache outage. Only environments that run Redis themselves have one.
 */
public interface RedisSwitch {

    /** Stops Redis; connections are refused until {@link #start()}. Idempotent. */
    void stop();

    /** Starts Redis again on the same address, empty, and waits until it answers. Idempotent. */
    RedisSwitch start();
}
