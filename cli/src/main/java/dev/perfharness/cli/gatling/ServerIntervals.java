package dev.perfharness.cli.gatling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The service's histograms read once a second during a leg and joined into one interval log. Each read
 * of {@code /internal/histograms} closes an interval, so the log has one histogram per endpoint per
 * second, like the client's: the gate's bootstrap resamples those seconds, which one histogram for the
 * whole leg would not allow.
 */
final class ServerIntervals {
    private final List<EncodableHistogram> intervals = new ArrayList<>();
    private long startTimeMillis = Long.MAX_VALUE;

    /** Adds the intervals of one {@code /internal/histograms} answer. */
    synchronized void add(String hlog) {
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(hlog.getBytes(StandardCharsets.UTF_8)));
        for (EncodableHistogram interval; (interval = reader.nextIntervalHistogram()) != null; ) {
            intervals.add(interval);
            startTimeMillis = Math.min(startTimeMillis, interval.getStartTimeStamp());
        }
    }

    /** Every interval added, in the order read, as one log in microseconds. */
    synchronized String log() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        writer.outputComment("perf-harness reference service: per-endpoint service time in microseconds, one interval a second");
        writer.outputLogFormatVersion();
        if (startTimeMillis != Long.MAX_VALUE) {
            writer.outputStartTime(startTimeMillis);
            writer.setBaseTime(startTimeMillis);
        }
        writer.outputLegend();
        intervals.forEach(writer::outputIntervalHistogram);
        writer.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
