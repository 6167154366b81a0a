package dev.perfharness.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.DockerSettings.TimeoutVariant;
import dev.perfharness.config.DockerSettings.Timeouts;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationTimeoutsTest {

    @Test
    void perOperationFollowsSeed002sTable() {
        OperationTimeouts timeouts = OperationTimeouts.from(seedTimeouts(TimeoutVariant.PER_OPERATION));

        assertThat(timeouts.of(DockerOperation.CREATE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(timeouts.of(DockerOperation.START)).isEqualTo(Duration.ofMinutes(2));
        assertThat(timeouts.of(DockerOperation.WAIT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(timeouts.of(DockerOperation.STOP)).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.of(DockerOperation.REMOVE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.of(DockerOperation.PING)).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.of(DockerOperation.PULL)).isEqualTo(Duration.ofMinutes(5));
        assertThat(timeouts.of(DockerOperation.BUILD)).isEqualTo(Duration.ofMinutes(15));
        assertThat(timeouts.of(DockerOperation.PUSH)).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeouts.longest()).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @EnumSource(DockerOperation.class)
    void fixedGivesEveryOperationTheSameTimeout(DockerOperation operation) {
        OperationTimeouts timeouts = OperationTimeouts.from(seedTimeouts(TimeoutVariant.FIXED));

        assertThat(timeouts.of(operation)).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeouts.variant()).isEqualTo(TimeoutVariant.FIXED);
    }

    @Test
    void durationsAreWrittenAsInSettings() {
        assertThat(OperationTimeouts.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(OperationTimeouts.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(OperationTimeouts.format(Duration.ofMillis(1500))).isEqualTo("1.500s");
        assertThat(OperationTimeouts.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(OperationTimeouts.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(OperationTimeouts.format(Duration.ofMinutes(61))).isEqualTo("1h1m");
    }

    private static Timeouts seedTimeouts(TimeoutVariant variant) {
        return new Timeouts(variant, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(10));
    }
}
