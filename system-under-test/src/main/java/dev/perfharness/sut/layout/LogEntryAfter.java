package dev.perfharness.sut.layout;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Seed 002's {@code LogEntry} in its "after" order: wide fields first, the two flags last and together,
 * so (in Go) they share one word of padding. Fields as in {@link LogEntryBefore}.
 *
 * <p>Exists to be measured by {@link LayoutReport}; nothing else uses it.
 */
final class LogEntryAfter {
    long startNanos;
    long endNanos;
    List<String> messages;
    ReentrantLock mu;
    boolean isDone;
    boolean isFailed;
}
