package dev.perfharness.jmh.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap still in use after full collections: the difference across building N objects is what N of
 * them retain. Collections are repeated until the figure settles, because one System.gc() can leave
 * finalizable or reference-queued garbage behind.
 */
public final class RetainedHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int MAX_COLLECTIONS = 10;

    private RetainedHeap() {
    }

    public static long used() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - now) < 64 * 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }
}
