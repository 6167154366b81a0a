package dev.perfharness.sut.output;

import java.time.Instant;

/**
 * {@code log-format=concat}, seed 002's before: the line is grown piece by piece with {@code +=}, each
 * step copying everything so far into a new string, as the Go code's concatenation in
 * {@code terminal.go} did.
 *
 * <p>Written as separate {@code +=} on purpose: a single expression {@code a + b + c} is compiled by javac
 * to one {@code StringConcatFactory} call that sizes the result exactly, which would already be the
 * "after" on the JVM. Whether that makes the builder variants pointless is for the benchmark to say.
 */
final class ConcatFormatter implements LineFormatter {
    @Override
    public String format(Instant arrived, String source, String line) {
        String formatted = TIMESTAMP.format(arrived);
        formatted += " [";
        formatted += source;
        formatted += "] ";
        formatted += line;
        return formatted;
    }
}
