package dev.perfharness.jmh.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that only grows: a benchmark jumps past every token's expiry at once
 * instead of waiting for it, while the time in between still passes as it does for the service.
 */
final class OffsetClock extends Clock {
    private volatile long offsetMillis;

    void advance(Duration duration) {
        offsetMillis += duration.toMillis();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmark clock stays in UTC");
    }
}
