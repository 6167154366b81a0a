package dev.perfharness.sut.containers;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Seed 002's worker pool ({@code workers=fixed-pool}): {@code workers.count} platform threads taking jobs
 * from a queue of {@code workers.queue}, the Java form of its goroutines reading a buffered channel; a full
 * queue refuses the job instead of blocking the submitter (the seed's {@code Submit} would block).
 *
 * <p>{@code workers=sequential}, the seed's before, is this pool with one worker: operations run one
 * after another in arrival order, as they did in the caller. The queue bound stays, so the before and the
 * after take the same load and refuse it the same way.
 */
final class FixedWorkerPool implements WorkerPool {
    private final ThreadPoolExecutor executor;
    private final int workers;
    private final int queueSize;

    FixedWorkerPool(int workers, int queueSize, String name) {
        this.workers = workers;
        this.queueSize = queueSize;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueSize),
                Thread.ofPlatform().name(name + "-worker-", 1).daemon(true).factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(Runnable job) {
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            throw executor.isShutdown() ? WorkRejected.shuttingDown(queueSize) : WorkRejected.queueFull(queueSize, workers);
        }
    }

    @Override
    public int waiting() {
        return executor.getQueue().size();
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public int queueSize() {
        return queueSize;
    }

    @Override
    public void shutdown() {
        // Shut first, then empty the queue: a worker may still take a job in between, and then it runs.
        executor.shutdown();
        executor.getQueue().clear();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void interruptRunning() {
        executor.shutdownNow();
    }
}
