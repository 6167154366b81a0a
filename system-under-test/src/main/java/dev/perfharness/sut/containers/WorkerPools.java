package dev.perfharness.sut.containers;

import dev.perfharness.config.WorkerSettings;

/** Picks the worker pool that {@code workers} names. */
public final class WorkerPools {
    private WorkerPools() {
    }

    /** @param name names the pool's threads ({@code <name>-worker-1}, {@code <name>-7}) */
    public static WorkerPool create(WorkerSettings settings, String name) {
        return switch (settings.variant()) {
            case SEQUENTIAL -> new FixedWorkerPool(1, settings.queue(), name);
            case FIXED_POOL -> new FixedWorkerPool(settings.count(), settings.queue(), name);
            case VIRTUAL_THREADS -> new VirtualThreadWorkerPool(settings.count(), settings.queue(), name);
        };
    }
}
