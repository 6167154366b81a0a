package dev.perfharness.jmh.support;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH adds an {@code @AuxCounters(Type.EVENTS)} field up over every thread and every measured iteration of
 * every fork (and zeroes it after {@code @Setup(Level.Iteration)}, so set it in a tear-down). A
 * figure that is a level rather than a count (retained bytes, threads, a hit rate, the most operations
 * at once) must therefore report its share each iteration: the sum of the shares is then the mean.
 */
public final class EventCounters {
    private EventCounters() {
    }

    /** What one thread's value in one iteration counts for: 1 / (measured iterations x forks x threads). */
    public static double iterationShare(BenchmarkParams params) {
        return 1.0 / ((double) params.getMeasurement().getCount() * Math.max(1, params.getForks()) * params.getThreads());
    }
}
