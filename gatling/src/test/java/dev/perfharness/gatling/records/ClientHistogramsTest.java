package dev.perfharness.gatling.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientHistogramsTest {
    private static final long START = 1_764_000_000_000L;
    private static final String UNTAGGED = "(untagged)";

    @TempDir
    Path dir;

    @Test
    void countsOkAndKoPerNameAndInTotal() {
        ClientHistograms histograms = ClientHistograms.of(log(
                ok("a", 0, 12), ok("a", 100, 130), ko("a", 200, 5200), ok("b", 300, 301), ko("b", 400, 401)));

        assertThat(histograms.requestNames()).containsExactly("a", "b");
        RequestSummary a = histograms.request("a");
        assertThat(a.okCount()).isEqualTo(2);
        assertThat(a.koCount()).isEqualTo(1);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.firstEndEpochMillis()).isEqualTo(START + 12);
        assertThat(a.lastEndEpochMillis()).isEqualTo(START + 5200);
        RequestSummary all = histograms.allRequests();
        assertThat(all.name()).isEqualTo(ClientHistograms.ALL_REQUESTS);
        assertThat(all.okCount()).isEqualTo(3);
        assertThat(all.koCount()).isEqualTo(2);
        assertThat(all.okMicros().getTotalCount()).isEqualTo(3);
        assertThat(histograms.runStartEpochMillis()).isEqualTo(START);
    }

    @Test
    void theLatencyHistogramHoldsOkResponsesOnlyInMicroseconds() {
        ClientHistograms histograms = ClientHistograms.of(log(ok("a", 0, 12), ok("a", 100, 130), ko("a", 200, 5200)));

        Histogram okMicros = histograms.request("a").okMicros();
        assertThat(okMicros.getTotalCount()).isEqualTo(2);
        assertThat(okMicros.valuesAreEquivalent(okMicros.getMaxValue(), 30_000)).isTrue();
        assertThat(okMicros.valuesAreEquivalent(okMicros.getMinValue(), 12_000)).isTrue();
        assertThat(histograms.allRequests().okMicros().getMaxValue()).isLessThan(5_000_000);
    }

    @Test
    void histogramsHandedOutAreCopies() {
        ClientHistograms histograms = ClientHistograms.of(log(ok("a", 0, 1)));

        histograms.request("a").okMicros().recordValue(99);

        assertThat(histograms.request("a").okMicros().getTotalCount()).isEqualTo(1);
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre() {
        ClientHistograms histograms = ClientHistograms.of(log(ok("a", 0, 1), ok("b", 0, 1)));

        assertThatThrownBy(() -> histograms.request("c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no request named 'c' in the run of sim.TestSim; its requests are [a, b]");
    }

    @Test
    void anEmptyRunHasEmptySummariesAndAnIntervalLogWithoutIntervals() throws IOException {
        ClientHistograms histograms = ClientHistograms.of(log());
        Path file = dir.resolve("empty.hlog");

        histograms.writeIntervalLog(file);

        assertThat(histograms.allRequests().count()).isZero();
        assertThat(histograms.allRequests().firstEndEpochMillis()).isZero();
        assertThat(readIntervals(file)).isEmpty();
    }

    @Test
    void theIntervalLogSplitsByEndTimeIntoOneSecondIntervals() throws IOException {
        ClientHistograms histograms = ClientHistograms.of(log(
                ok("a", 0, 100), ok("a", 50, 999), ok("b", 900, 1000), ko("b", 1200, 1500),
                ok("a", 1900, 3500)));
        Path file = dir.resolve("client.hlog");

        histograms.writeIntervalLog(file);

        List<EncodableHistogram> intervals = readIntervals(file);
        // 4 intervals (0-1 s, 1-2 s, 2-3 s and 3-4 s), each with the untagged total, "a" and "b".
        assertThat(intervals).hasSize(12);
        Map<String, List<Long>> countsByTag = new TreeMap<>();
        for (EncodableHistogram interval : intervals) {
            countsByTag.computeIfAbsent(tagOf(interval), tag -> new ArrayList<>()).add(((Histogram) interval).getTotalCount());
        }
        assertThat(countsByTag).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                UNTAGGED, List.of(2L, 1L, 0L, 1L),
                "a", List.of(2L, 0L, 0L, 1L),
                "b", List.of(0L, 1L, 0L, 0L))));
        assertThat(intervals).extracting(EncodableHistogram::getStartTimeStamp).containsExactly(
                START, START, START, START + 1000, START + 1000, START + 1000,
                START + 2000, START + 2000, START + 2000, START + 3000, START + 3000, START + 3000);
        assertThat(intervals).allSatisfy(interval ->
                assertThat(interval.getEndTimeStamp() - interval.getStartTimeStamp()).isEqualTo(1000));
    }

    @Test
    void theIntervalLogRoundTripsWithTheSameTotalsPerTag() throws IOException {
        List<RequestRecord> requests = new ArrayList<>();
        String[] names = {"GET /api/v1/images", "pull→active 延迟", "a,b", "a b"};
        for (int i = 0; i < 400; i++) {
            String name = names[i % names.length];
            requests.add(i % 7 == 0 ? ko(name, i * 10, i * 10 + 3) : ok(name, i * 10, i * 10 + (i % 50)));
        }
        ClientHistograms histograms = ClientHistograms.of(log(requests.toArray(RequestRecord[]::new)));
        Path file = dir.resolve("client.hlog");

        histograms.writeIntervalLog(file);

        Map<String, Histogram> totals = new HashMap<>();
        for (EncodableHistogram interval : readIntervals(file)) {
            totals.computeIfAbsent(tagOf(interval), tag -> new Histogram(3)).add((Histogram) interval);
        }
        assertThat(histograms.hlogTags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /api/v1/images", "GET_/api/v1/images", "pull→active 延迟", "pull_active___",
                "a b", "a_b", "a,b", "a_b~2"));
        assertThat(totals).hasSize(5);
        assertThat(totals.get(UNTAGGED)).isEqualTo(histograms.allRequests().okMicros());
        histograms.hlogTags().forEach((name, tag) ->
                assertThat(totals.get(tag)).as(name).isEqualTo(histograms.request(name).okMicros()));
        assertThat(Files.readString(file)).contains("#[Tag a_b~2 = request a,b]");
    }

    @Test
    void theIntervalLogReplacesAnOldFileAndLeavesNoPartialFile() throws IOException {
        Path file = dir.resolve("client.hlog");
        Files.writeString(file, "old content");

        ClientHistograms.of(log(ok("a", 0, 5))).writeIntervalLog(file);

        assertThat(Files.readString(file)).doesNotContain("old content").contains("Tag=a,");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static List<EncodableHistogram> readIntervals(Path file) throws IOException {
        List<EncodableHistogram> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            for (EncodableHistogram interval; (interval = reader.nextIntervalHistogram()) != null; ) {
                intervals.add(interval);
            }
        } finally {
            reader.close();
        }
        return intervals;
    }

    private static String tagOf(EncodableHistogram interval) {
        return interval.getTag() == null ? UNTAGGED : interval.getTag();
    }

    private static SimulationLog log(RequestRecord... requests) {
        return new SimulationLog(SimulationLog.SUPPORTED_GATLING_VERSION, "sim.TestSim", START, "", List.of("s"),
                List.of(requests), List.of(), List.of());
    }

    private static RequestRecord ok(String name, int start, int end) {
        return new RequestRecord(List.of(), name, START + start, START + end, true, "");
    }

    private static RequestRecord ko(String name, int start, int end) {
        return new RequestRecord(List.of(), name, START + start, START + end, false, "status.find.is(200), found 500");
    }
}
