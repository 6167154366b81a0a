package dev.perfharness.gatling.support;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Time from a job's change in the service ({@code updatedAt}, microseconds) to the moment the message
 * reaches a check in the client, in microseconds.
 *
 * <p>Gatling times a WebSocket check from the start of its check sequence, not from the event, and only
 * in whole milliseconds, so it cannot say this. The checks call {@link #record(Instant)} on the event
 * loop that received the frame; a {@link Recorder} takes values from many threads without locks, and
 * one interval histogram per second goes to {@code delivery.hlog}. Both ends read the same host's
 * clock: the service and the load generator must share a machine (or synchronized clocks).
 */
public final class DeliveryLatency {
    public static final String LOG_FILE = "delivery.hlog";
    public static final String TAG = "delivery";

    private static final Recorder RECORDER = new Recorder(3);
    private static final List<Histogram> INTERVALS = new ArrayList<>();
    private static ScheduledExecutorService ticker;
    private static long startMillis;

    private DeliveryLatency() {
    }

    /** Records one delivery of an event that happened at {@code event}; returns the latency in microseconds. */
    public static long record(Instant event) {
        Instant now = Instant.now();
        long micros = Math.max(0, (now.getEpochSecond() - event.getEpochSecond()) * 1_000_000L
                + (now.getNano() - event.getNano()) / 1_000);
        RECORDER.recordValue(micros);
        return micros;
    }

    /** Starts cutting one interval per second; call from the simulation's {@code before()}. */
    public static synchronized void start() {
        startMillis = System.currentTimeMillis();
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("delivery-intervals").factory());
        ticker.scheduleAtFixedRate(DeliveryLatency::cutInterval, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops, takes the last interval and writes every interval to {@value #LOG_FILE}; from {@code after()}. */
    public static synchronized void finish() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        cutInterval();
        SideOutputs.write(LOG_FILE, out -> {
            PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
            HistogramLogWriter writer = new HistogramLogWriter(print);
            writer.outputComment("perf-harness: WebSocket delivery latency, job change to client check, microseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputLegend();
            INTERVALS.forEach(writer::outputIntervalHistogram);
            print.flush();
        });
    }

    private static synchronized void cutInterval() {
        Histogram interval = RECORDER.getIntervalHistogram();
        interval.setTag(TAG);
        INTERVALS.add(interval);
    }
}
