package dev.perfharness.sut.containers;

import java.time.Duration;

/**
 * Runs jobs on at most {@code workers.count} workers at a time, with at most {@code workers.queue} waiting;
 * {@link WorkerPools#create} picks the variant {@code workers} names.
 */
public interface WorkerPool {

    /**
     * Starts {@code job} now or queues it.
     *
     * @throws WorkRejected when the queue is full or the pool is shutting down; the job will never run
     */
    void execute(Runnable job);

    /** Jobs accepted and not started yet. */
    int waiting();

    /** Workers, or jobs at a time. */
    int workers();

    /** The queue's capacity. */
    int queueSize();

    /** Takes no new jobs, and drops the queued ones: they will never start. Running jobs go on. */
    void shutdown();

    /** Waits up to {@code timeout} for running jobs to end; true when none runs any more. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Interrupts running jobs, which end as soon as they notice. */
    void interruptRunning();
}
