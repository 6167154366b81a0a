package dev.perfharness.sut.jobs;

/**
 * Runs image pulls for {@code POST /api/v1/images/pull}. Implementations: {@link SimulatedPuller}
 * (no engine needed) and a docker-java puller against a real engine and registry.
 */
public interface ImagePuller extends AutoCloseable {

    /** Starts pulling {@code job.image()} and returns at once; progress goes to {@code progress}. */
    void start(PullJob job, PullProgress progress);

    /** Stops pulls in flight; each is reported failed, none is left pending for ever. */
    @Override
    void close();
}
