package dev.perfharness.cli.gatling;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds, the failures beside it and the seconds it covers. Runs of
 * the same leg repeated merge by adding: the histograms add exactly, as HdrHistogram's do.
 */
record Measured(Histogram micros, long failed, double seconds) {

    Measured plus(Measured other) {
        Histogram sum = micros.copy();
        sum.add(other.micros);
        return new Measured(sum, failed + other.failed, seconds + other.seconds);
    }

    Distribution distribution() {
        return Distribution.of(micros, failed, seconds);
    }
}
