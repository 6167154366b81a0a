package dev.perfharness.config;

/** How container operations run (seed 002). */
public record WorkerSettings(WorkerVariant variant, int count, int queue) {

    public enum WorkerVariant { SEQUENTIAL, FIXED_POOL, VIRTUAL_THREADS }
}
