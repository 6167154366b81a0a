package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.sut.metrics.ServiceMetrics;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LogMessagesTest {
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final LogMessages messages = new LogMessages(metrics,
            new PodLogRequest("ci", Optional.empty(), Optional.of("nightly"), Optional.empty(), OptionalInt.empty()));

    @Test
    void writesTheThreeMessageTypes() {
        assertThat(messages.chunk("line \"one\"\n")).hasValue("{\"type\":\"log\",\"data\":\"line \\\"one\\\"\\n\"}");
        assertThat(messages.podFound("nightly-0")).hasValue("{\"type\":\"pod\",\"pod\":\"nightly-0\"}");
        assertThat(messages.failure("it broke")).hasValue("{\"type\":\"error\",\"message\":\"it broke\"}");
    }

    @Test
    void timesEveryWriteAsPodLogSerialization() {
        messages.chunk("a");
        messages.chunk("b");

        var timer = metrics.registry().find("serialize.duration").tag("kind", LogMessages.KIND).timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(2);
    }
}
