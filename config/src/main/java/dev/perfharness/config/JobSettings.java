package dev.perfharness.config;

import java.time.Duration;

/**
 * The pull-job tracker and the puller behind {@code POST /api/v1/images/pull}.
 *
 * @param prefill         frozen jobs the tracker holds from the start
 * @param seed            makes the pre-filled jobs and the simulated failures repeatable
 * @param maxFailedLimit  largest {@code ?limit=} of the failed-jobs listing
 * @param pullDuration    simulated puller: how long one pull takes
 * @param failureRate     simulated puller: share of pulls that fail
 */
public record JobSettings(
        int prefill,
        long seed,
        int maxFailedLimit,
        PullerKind puller,
        Duration pullDuration,
        double failureRate) {

    public enum PullerKind { SIMULATED, DOCKER }
}
