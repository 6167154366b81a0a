package dev.perfharness.sut.output;

import dev.perfharness.config.OutputSettings.LogFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prefixes a container's output line with when it arrived and where it came from, as seed 002's
 * terminal logger does: {@code 2026-11-24T10:00:00.123Z [run-42] line}. The three variants
 * ({@code log-format}) produce the same text and differ only in how they build it.
 */
public interface LineFormatter {
    /** UTC, always with milliseconds: {@link Instant#toString()} drops zero millis and shows micros. */
    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    /** {@code 2026-11-24T10:00:00.123Z}, 24 characters for years 1000 to 9999. */
    int TIMESTAMP_LENGTH = 24;

    String format(Instant arrived, String source, String line);

    static LineFormatter of(LogFormat format) {
        return switch (format) {
            case CONCAT -> new ConcatFormatter();
            case BUILDER -> new SizedBuilderFormatter();
            case POOLED -> new PooledBuilderFormatter();
        };
    }
}
