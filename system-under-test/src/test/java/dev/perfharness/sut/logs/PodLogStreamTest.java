package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PodLogStreamTest {

    @Test
    void describesTheConfiguredTimeoutAsAPersonWouldSayIt() {
        assertThat(PodLogStream.describe(Duration.ofSeconds(60))).isEqualTo("60 seconds");
        assertThat(PodLogStream.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(PodLogStream.describe(Duration.ofMillis(300))).isEqualTo("300 milliseconds");
        assertThat(PodLogStream.describe(Duration.ofMillis(1500))).isEqualTo("1500 milliseconds");
    }

    @Test
    void closeReasonsFitTheFrameWithoutSplittingACharacter() {
        String reason = "é".repeat(100);

        String cut = PodLogStream.closeReason(reason);

        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(122);
        assertThat(cut).isEqualTo("é".repeat(61));
        assertThat(PodLogStream.closeReason("short")).isEqualTo("short");
    }
}
