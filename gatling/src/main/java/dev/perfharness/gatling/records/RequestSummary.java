package dev.perfharness.gatling.records;

import org.HdrHistogram.Histogram;

/**
 * The client's view of one request name (or of all requests): how many responses were OK and KO, the
 * latency distribution of the OK ones, and the window in which responses arrived.
 */
public final class RequestSummary {
    private final String name;
    private final long okCount;
    private final long koCount;
    private final Histogram okMicros;
    private final long firstEndEpochMillis;
    private final long lastEndEpochMillis;

    RequestSummary(String name, long okCount, long koCount, Histogram okMicros, long firstEndEpochMillis,
                   long lastEndEpochMillis) {
        this.name = name;
        this.okCount = okCount;
        this.koCount = koCount;
        this.okMicros = okMicros;
        this.firstEndEpochMillis = firstEndEpochMillis;
        this.lastEndEpochMillis = lastEndEpochMillis;
    }

    /** The request name, or {@link ClientHistograms#ALL_REQUESTS} for the total. */
    public String name() {
        return name;
    }

    public long okCount() {
        return okCount;
    }

    public long koCount() {
        return koCount;
    }

    /** OK and KO together: every response, for throughput. */
    public long count() {
        return okCount + koCount;
    }

    /**
     * Response times of the OK responses, in microseconds (Gatling's milliseconds × 1000, so they share units
     * with the service's own histograms; the values are still whole milliseconds). A copy: changing it
     * changes nothing here. KO responses are left out, as a fast error would otherwise flatter the latency.
     */
    public Histogram okMicros() {
        return okMicros.copy();
    }

    /** The end of the earliest response, OK or KO; 0 when {@link #count()} is 0. */
    public long firstEndEpochMillis() {
        return firstEndEpochMillis;
    }

    /** The end of the latest response, OK or KO; 0 when {@link #count()} is 0. */
    public long lastEndEpochMillis() {
        return lastEndEpochMillis;
    }

    @Override
    public String toString() {
        return name + ": ok=" + okCount + " ko=" + koCount + " max=" + okMicros.getMaxValue() + "us";
    }
}
