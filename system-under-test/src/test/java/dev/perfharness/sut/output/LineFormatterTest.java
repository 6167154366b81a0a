package dev.perfharness.sut.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.OutputSettings.LogFormat;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LineFormatterTest {

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void everyFormatPrefixesTheLineWithItsMillisecondUtcTimeAndSource(LogFormat format) {
        LineFormatter formatter = LineFormatter.of(format);

        String formatted = formatter.format(Instant.parse("2026-11-24T10:00:00.123Z"), "run-42", "Step 3/7 : RUN make");

        assertThat(formatted).isEqualTo("2026-11-24T10:00:00.123Z [run-42] Step 3/7 : RUN make");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-24T10:00:00Z, 2026-11-24T10:00:00.000Z", "2026-11-24T10:00:00.123456789Z, 2026-11-24T10:00:00.123Z",
        "1999-01-02T03:04:05.006Z, 1999-01-02T03:04:05.006Z"})
    void theThreeFormatsAgreeOnEveryTimestamp(String instant, String expected) {
        Instant arrived = Instant.parse(instant);

        for (LogFormat format : LogFormat.values()) {
            assertThat(LineFormatter.of(format).format(arrived, "src", "x")).isEqualTo(expected + " [src] x");
        }
    }

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void longLinesAndEmptyLinesComeOutWhole(LogFormat format) {
        LineFormatter formatter = LineFormatter.of(format);
        String longLine = "é".repeat(40_000);
        Instant arrived = Instant.parse("2026-11-24T10:00:00.123Z");

        assertThat(formatter.format(arrived, "build", longLine)).isEqualTo("2026-11-24T10:00:00.123Z [build] " + longLine);
        // Twice: a pooled builder that served the long line must come back empty.
        assertThat(formatter.format(arrived, "build", "")).isEqualTo("2026-11-24T10:00:00.123Z [build] ");
        assertThat(formatter.format(arrived, "build", "")).isEqualTo("2026-11-24T10:00:00.123Z [build] ");
    }
}
