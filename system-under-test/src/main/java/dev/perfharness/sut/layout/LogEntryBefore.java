package dev.perfharness.sut.layout;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Seed 002's {@code LogEntry} ({@code terminal.go:42-49}) in the field order its "before" comments
 * describe: each {@code bool} followed by "7 padding", i.e. a flag between the wide fields. (The seed's
 * own before and after listings show the same order; only this interleaved order matches the padding its
 * comments count.) Go embeds {@code time.Time} by value, so the times are {@code long} nanoseconds here,
 * and its {@code sync.Mutex} becomes a {@link ReentrantLock} field.
 *
 * <p>Exists to be measured by {@link LayoutReport}; nothing else uses it.
 */
final class LogEntryBefore {
    boolean isDone;
    long startNanos;
    boolean isFailed;
    long endNanos;
    List<String> messages;
    ReentrantLock mu;
}
