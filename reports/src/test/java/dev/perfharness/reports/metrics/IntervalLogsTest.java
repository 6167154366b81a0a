package dev.perfharness.reports.metrics;

import static dev.perfharness.reports.TestRuns.interval;
import static dev.perfharness.reports.TestRuns.writeHlog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogsTest {
    @TempDir
    Path dir;

    @Test
    void intervalsAreGroupedByTagAndATagCommentNamesTheRequest() throws Exception {
        Path log = writeHlog(dir.resolve("client.hlog"), Map.of("get-jobs", "GET jobs"), List.of(
                interval(null, 0, 1000, 2000), interval("get-jobs", 0, 1000), interval("post", 0, 2000),
                interval(null, 1, 3000), interval("get-jobs", 1, 3000)));

        Map<String, List<IntervalCounts>> byName = IntervalLogs.read(log);

        assertThat(byName).containsOnlyKeys(IntervalLogs.UNTAGGED, "GET jobs", "post");
        assertThat(byName.get(IntervalLogs.UNTAGGED)).extracting(IntervalCounts::total).containsExactly(2L, 1L);
        assertThat(byName.get("GET jobs")).extracting(IntervalCounts::seconds).containsExactly(1.0, 1.0);
        assertThat(byName.get("post")).singleElement().extracting(IntervalCounts::total).isEqualTo(1L);
    }

    @Test
    void aDamagedHistogramInTheMiddleIsAnErrorNotAShorterLog() throws Exception {
        Path log = writeHlog(dir.resolve("server.hlog"), Map.of(),
                List.of(interval("a", 0, 100), interval("a", 1, 200), interval("a", 2, 300)));
        List<String> lines = Files.readAllLines(log);
        int second = lines.size() - 2;
        // A flipped character in the compressed payload: the zlib checksum no longer matches.
        String line = lines.get(second);
        lines.set(second, line.substring(0, line.length() - 2) + (line.charAt(line.length() - 2) == 'A' ? 'B' : 'A') + line.charAt(line.length() - 1));
        Files.write(log, lines);

        assertThatThrownBy(() -> IntervalLogs.read(log))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(log.toString());
    }

    @Test
    void aLineWithoutItsTimestampIsAnError() throws Exception {
        Path log = writeHlog(dir.resolve("server.hlog"), Map.of(), List.of(interval("a", 0, 100), interval("a", 1, 200)));
        String text = Files.readString(log);
        Files.writeString(log, text.replace("Tag=a,1.000,", "Tag=a,one,"));

        assertThatThrownBy(() -> IntervalLogs.read(log))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(log.toString());
    }

    @Test
    void aTruncatedLastLineIsAnError() throws Exception {
        Path log = writeHlog(dir.resolve("client.hlog"), Map.of(), List.of(interval(null, 0, 100), interval(null, 1, 200)));
        String text = Files.readString(log);
        Files.writeString(log, text.substring(0, text.length() - 20));

        assertThatThrownBy(() -> IntervalLogs.read(log))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(log.toString());
    }

    @Test
    void aLogThatIsNotTextIsAnErrorNamingIt() throws Exception {
        Path log = writeHlog(dir.resolve("client.hlog"), Map.of(), List.of(interval(null, 0, 100)));
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length / 2] = (byte) 0xC3;
        bytes[bytes.length / 2 + 1] = (byte) 0x28;
        Files.write(log, bytes);

        assertThatThrownBy(() -> IntervalLogs.read(log))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining(log.toString());
    }
}
