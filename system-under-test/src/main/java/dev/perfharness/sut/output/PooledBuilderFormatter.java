package dev.perfharness.sut.output;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * {@code log-format=pooled}, seed 002's {@code stringBuilderPool}: builders of 1 KB are borrowed, reset
 * and returned instead of made per line. On the JVM {@code toString()} still copies the builder's
 * contents into a new string, so pooling saves only the builder and its array, never the line itself.
 *
 * <p>The pool is a bounded queue ({@value #POOLED_BUILDERS} builders; a miss makes a new one) rather than
 * a {@code ThreadLocal}: callers run on virtual threads, one per request, where a thread-local is a new
 * builder every time. A builder grown past {@value #MAX_POOLED_CAPACITY} chars by a long line is not
 * returned, so one huge line does not stay in memory for good.
 */
final class PooledBuilderFormatter implements LineFormatter {
    static final int POOLED_BUILDERS = 64;
    /** Seed 002's {@code DefaultBuilderCapacity}. */
    static final int BUILDER_CAPACITY = 1024;
    static final int MAX_POOLED_CAPACITY = 16 * 1024;

    private final ArrayBlockingQueue<StringBuilder> idle = new ArrayBlockingQueue<>(POOLED_BUILDERS);

    @Override
    public String format(Instant arrived, String source, String line) {
        StringBuilder builder = idle.poll();
        if (builder == null) {
            builder = new StringBuilder(BUILDER_CAPACITY);
        }
        try {
            TIMESTAMP.formatTo(arrived, builder);
            return builder.append(" [").append(source).append("] ").append(line).toString();
        } finally {
            builder.setLength(0);
            if (builder.capacity() <= MAX_POOLED_CAPACITY) {
                idle.offer(builder);
            }
        }
    }
}
