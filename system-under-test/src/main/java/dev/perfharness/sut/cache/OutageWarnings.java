package dev.perfharness.sut.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one "cache unavailable" warning per interval, carrying how many failures it stands for:
 * during an outage under load, a warning per request would be thousands of lines a second.
 */
final class OutageWarnings {
    private static final Logger log = LoggerFactory.getLogger(OutageWarnings.class);

    private final long intervalNanos;
    private final AtomicLong lastWarningNanos;
    private final LongAdder failuresSinceWarning = new LongAdder();
    private final LongAdder warnings = new LongAdder();

    OutageWarnings(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastWarningNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    void failed(String operation, CacheKey key, Throwable cause) {
        failuresSinceWarning.increment();
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= intervalNanos && lastWarningNanos.compareAndSet(last, now)) {
            warnings.increment();
            log.atWarn()
                    .addKeyValue("operation", operation)
                    .addKeyValue("key", key.name())
                    .addKeyValue("failures", failuresSinceWarning.sumThenReset())
                    .addKeyValue("error", cause.getMessage())
                    .log("cache unavailable, serving from the tracker");
        }
    }

    /** Warnings logged so far. */
    long warnings() {
        return warnings.sum();
    }
}
