package dev.perfharness.sut.containers;

/** A job the worker pool did not take: its queue is full, or it is shutting down. Nothing was started. */
public final class WorkRejected extends RuntimeException {

    public enum Why { QUEUE_FULL, SHUTTING_DOWN }

    private final Why why;
    private final int queueSize;

    private WorkRejected(Why why, int queueSize, String message) {
        super(message, null, false, false);
        this.why = why;
        this.queueSize = queueSize;
    }

    static WorkRejected queueFull(int queueSize, int workers) {
        return new WorkRejected(Why.QUEUE_FULL, queueSize,
                "the queue is full: %d jobs are waiting for %d workers (workers.queue=%d); retry later".formatted(queueSize, workers, queueSize));
    }

    static WorkRejected shuttingDown(int queueSize) {
        return new WorkRejected(Why.SHUTTING_DOWN, queueSize, "the service is shutting down and takes no new jobs");
    }

    public Why why() {
        return why;
    }

    /** The queue's capacity ({@code workers.queue}). */
    public int queueSize() {
        return queueSize;
    }
}
