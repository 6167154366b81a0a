package dev.perfharness.sut.inject;

import java.lang.management.ManagementFactory;

/** Bytes this thread allocates per call, as the JVM counts them (what JMH's gc.alloc.rate.norm reads too). */
public final class AllocatedBytes {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    /** The mean over {@code calls} calls, after as many unmeasured ones so the call is compiled as it will run. */
    public static double perCall(int calls, Runnable call) {
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long threadId = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (double) (THREADS.getThreadAllocatedBytes(threadId) - before) / calls;
    }
}
