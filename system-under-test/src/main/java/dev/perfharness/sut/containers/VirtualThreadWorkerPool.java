package dev.perfharness.sut.containers;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM's own answer to seed 002's worker pool ({@code workers=virtual-threads}): a virtual thread per
 * job, at most {@code workers.count} of them past a semaphore at a time. Nothing to size but the bound;
 * a job waiting for a permit is a parked virtual thread (a few hundred bytes), and at most
 * {@code workers.queue} may wait, as in the fixed pool.
 */
final class VirtualThreadWorkerPool implements WorkerPool {
    private final Semaphore permits;
    private final int workers;
    private final int queueSize;
    private final String name;
    private final AtomicLong started = new AtomicLong();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final Set<Thread> waitingThreads = ConcurrentHashMap.newKeySet();
    private final Set<Thread> runningThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    VirtualThreadWorkerPool(int workers, int queueSize, String name) {
        this.permits = new Semaphore(workers, true);
        this.workers = workers;
        this.queueSize = queueSize;
        this.name = name;
    }

    @Override
    public synchronized void execute(Runnable job) {
        if (shutdown) {
            throw WorkRejected.shuttingDown(queueSize);
        }
        // Only when nobody waits: a job arriving as a permit frees up must not pass those queued before it.
        boolean permitted = waitingCount.get() == 0 && permits.tryAcquire();
        if (!permitted) {
            if (waitingCount.get() >= queueSize) {
                throw WorkRejected.queueFull(queueSize, workers);
            }
            waitingCount.incrementAndGet();
        }
        Thread thread = Thread.ofVirtual().name(name + "-" + started.incrementAndGet()).unstarted(() -> work(job, permitted));
        (permitted ? runningThreads : waitingThreads).add(thread);
        thread.start();
    }

    private void work(Runnable job, boolean permitted) {
        Thread self = Thread.currentThread();
        try {
            if (!permitted && !awaitPermit(self)) {
                return;
            }
            try {
                job.run();
            } finally {
                permits.release();
            }
        } finally {
            runningThreads.remove(self);
        }
    }

    /** False when the pool shut down while the job waited: the job is dropped, as the fixed pool drops its queue. */
    private boolean awaitPermit(Thread self) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            return false;
        } finally {
            waitingThreads.remove(self);
            waitingCount.decrementAndGet();
        }
        if (shutdown) {
            permits.release();
            return false;
        }
        runningThreads.add(self);
        return true;
    }

    @Override
    public int waiting() {
        return waitingCount.get();
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
        synchronized (this) {
            shutdown = true;
        }
        waitingThreads.forEach(Thread::interrupt);
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : List.copyOf(runningThreads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return runningThreads.isEmpty();
    }

    @Override
    public void interruptRunning() {
        runningThreads.forEach(Thread::interrupt);
    }
}
