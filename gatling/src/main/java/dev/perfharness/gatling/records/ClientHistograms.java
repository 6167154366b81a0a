package dev.perfharness.gatling.records;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Exact latency distributions of a Gatling run, per request name and in total, from the individual
 * responses of its simulation.log (Gatling's own report uses an approximate t-digest). Values are in
 * microseconds so they share units with the service's histograms. Requests of the same name in
 * different groups count as one name.
 */
public final class ClientHistograms {
    /** The name of the summary over every request. */
    public static final String ALL_REQUESTS = "all requests";
    public static final int SIGNIFICANT_DIGITS = 3;
    private static final long INTERVAL_MILLIS = 1000;
    private static final long MICROS_PER_MILLI = 1000;

    private final SimulationLog log;
    private final Map<String, RequestSummary> byName;
    private final RequestSummary allRequests;
    private final Map<String, String> hlogTags;

    private ClientHistograms(SimulationLog log, Map<String, RequestSummary> byName, RequestSummary allRequests) {
        this.log = log;
        this.byName = Collections.unmodifiableMap(byName);
        this.allRequests = allRequests;
        this.hlogTags = HlogTags.forNames(byName.keySet());
    }

    public static ClientHistograms of(SimulationLog log) {
        Map<String, Tally> tallies = new TreeMap<>();
        Tally all = new Tally();
        for (RequestRecord request : log.requests()) {
            tallies.computeIfAbsent(request.name(), name -> new Tally()).add(request);
            all.add(request);
        }
        Map<String, RequestSummary> byName = new LinkedHashMap<>();
        tallies.forEach((name, tally) -> byName.put(name, tally.summary(name)));
        return new ClientHistograms(log, byName, all.summary(ALL_REQUESTS));
    }

    public long runStartEpochMillis() {
        return log.startEpochMillis();
    }

    /** Every request name in the log, sorted. */
    public Set<String> requestNames() {
        return byName.keySet();
    }

    /** @throws IllegalArgumentException naming the request and the names there are, when it is not in the log */
    public RequestSummary request(String name) {
        RequestSummary summary = byName.get(name);
        if (summary == null) {
            throw new IllegalArgumentException("no request named '" + name + "' in the run of " + log.simulationClass()
                    + "; its requests are " + byName.keySet());
        }
        return summary;
    }

    public RequestSummary allRequests() {
        return allRequests;
    }

    /** The tag each request name has in the interval log (see {@link #writeIntervalLog(Path)}). */
    public Map<String, String> hlogTags() {
        return hlogTags;
    }

    /**
     * Writes an HdrHistogram interval log of the OK response times in microseconds: consecutive 1-second
     * intervals from the run start up to the last response, a response counting in the interval where it
     * ended. Each interval has one untagged histogram of all requests, then one per request name, tagged
     * as {@link #hlogTags()} says (the mapping is also written as comments); intervals without responses
     * hold empty histograms, so the series has no gaps. The file appears whole or not at all.
     */
    public void writeIntervalLog(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            // PrintStream swallows write errors; checkError() below is how a full disk gets noticed.
            try (PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16),
                    false, StandardCharsets.UTF_8)) {
                writeIntervals(new HistogramLogWriter(out));
                out.flush();
                if (out.checkError()) {
                    throw new IOException("could not write the interval log " + partial);
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void writeIntervals(HistogramLogWriter writer) {
        long start = log.startEpochMillis();
        writer.outputComment("[Client response times of " + oneLine(log.simulationClass())
                + " from Gatling's simulation.log, in microseconds; untagged: all requests]");
        hlogTags.forEach((name, tag) -> writer.outputComment("[Tag " + tag + " = request " + oneLine(name) + "]"));
        writer.outputLogFormatVersion();
        writer.outputStartTime(start);
        writer.setBaseTime(start);
        writer.outputBaseTime(start);
        writer.outputLegend();

        List<RequestRecord> okByEnd = new ArrayList<>();
        for (RequestRecord request : log.requests()) {
            if (request.ok()) {
                okByEnd.add(request);
            }
        }
        okByEnd.sort(Comparator.comparingLong(RequestRecord::endEpochMillis));
        long intervals = allRequests.count() == 0 ? 0 : intervalOf(allRequests.lastEndEpochMillis()) + 1;
        int next = 0;
        for (long interval = 0; interval < intervals; interval++) {
            long from = start + interval * INTERVAL_MILLIS;
            Histogram all = intervalHistogram(from, null);
            Map<String, Histogram> perName = new LinkedHashMap<>();
            hlogTags.forEach((name, tag) -> perName.put(name, intervalHistogram(from, tag)));
            for (; next < okByEnd.size() && intervalOf(okByEnd.get(next).endEpochMillis()) == interval; next++) {
                RequestRecord request = okByEnd.get(next);
                long micros = micros(request);
                all.recordValue(micros);
                perName.get(request.name()).recordValue(micros);
            }
            writer.outputIntervalHistogram(all);
            perName.values().forEach(writer::outputIntervalHistogram);
        }
    }

    private long intervalOf(long endEpochMillis) {
        return Math.max(0, Math.floorDiv(endEpochMillis - log.startEpochMillis(), INTERVAL_MILLIS));
    }

    private static Histogram intervalHistogram(long fromEpochMillis, String tag) {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setStartTimeStamp(fromEpochMillis);
        histogram.setEndTimeStamp(fromEpochMillis + INTERVAL_MILLIS);
        histogram.setTag(tag);
        return histogram;
    }

    /** Gatling takes both ends from the wall clock, so a clock stepping back can make one negative. */
    private static long micros(RequestRecord request) {
        return Math.max(0, request.responseMillis()) * MICROS_PER_MILLI;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private static final class Tally {
        private final Histogram okMicros = new Histogram(SIGNIFICANT_DIGITS);
        private long okCount;
        private long koCount;
        private long firstEnd = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        void add(RequestRecord request) {
            if (request.ok()) {
                okCount++;
                okMicros.recordValue(micros(request));
            } else {
                koCount++;
            }
            firstEnd = Math.min(firstEnd, request.endEpochMillis());
            lastEnd = Math.max(lastEnd, request.endEpochMillis());
        }

        RequestSummary summary(String name) {
            boolean none = okCount + koCount == 0;
            return new RequestSummary(name, okCount, koCount, okMicros, none ? 0 : firstEnd, none ? 0 : lastEnd);
        }
    }
}
