package dev.perfharness.sut.metrics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Microsecond latency per endpoint, recorded with HdrHistogram {@link Recorder}s: recording never
 * blocks and never allocates, and each read takes an interval histogram and starts a new interval.
 *
 * <p>Load generators like Gatling see whole milliseconds; a cache hit takes tens of microseconds.
 * These histograms are the service's own view, in the HdrHistogram log format that the harness (and
 * HdrHistogram's own tools) merge across runs. They measure from the handler's entry to the last byte
 * handed to Jetty: service time, without the client's queueing (the client side has that).
 */
public final class EndpointLatencies {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, Histogram> reusable = new ConcurrentHashMap<>();
    private final long startedMillis = System.currentTimeMillis();
    private long intervalStartMillis = startedMillis;

    /** Records one request of {@code endpoint} that took {@code nanos}. */
    public void record(String endpoint, long nanos) {
        recorders.computeIfAbsent(endpoint, name -> new Recorder(SIGNIFICANT_DIGITS)).recordValue(Math.max(1, nanos / 1_000));
    }

    /**
     * An HdrHistogram log with one interval histogram per endpoint (tagged with the endpoint), covering
     * the time since the previous call (or since start). Values are microseconds.
     */
    public synchronized String intervalLog() {
        long now = System.currentTimeMillis();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        writer.outputComment("perf-harness reference service: per-endpoint service time in microseconds");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startedMillis);
        writer.setBaseTime(startedMillis);
        writer.outputLegend();
        new ConcurrentSkipListMap<>(recorders).forEach((endpoint, recorder) -> {
            Histogram interval = recorder.getIntervalHistogram(reusable.get(endpoint));
            reusable.put(endpoint, interval);
            interval.setTag(endpoint);
            interval.setStartTimeStamp(intervalStartMillis);
            interval.setEndTimeStamp(now);
            writer.outputIntervalHistogram(interval);
        });
        writer.close();
        intervalStartMillis = now;
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
