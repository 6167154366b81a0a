package dev.perfharness.sut.output;

import java.time.Instant;

/**
 * {@code log-format=builder}: one {@link StringBuilder} sized for the whole line up front, so it never
 * grows, and the timestamp written straight into it; two copies in all (into the builder, into the
 * string).
 */
final class SizedBuilderFormatter implements LineFormatter {
    @Override
    public String format(Instant arrived, String source, String line) {
        StringBuilder builder = new StringBuilder(TIMESTAMP_LENGTH + 2 + source.length() + 2 + line.length());
        TIMESTAMP.formatTo(arrived, builder);
        return builder.append(" [").append(source).append("] ").append(line).toString();
    }
}
