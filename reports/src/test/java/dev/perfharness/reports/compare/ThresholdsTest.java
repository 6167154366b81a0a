package dev.perfharness.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.reports.metrics.Kind;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private final Thresholds defaults = Thresholds.defaults();

    @Test
    void aPercentReplacesTheRelativeThresholdAndKeepsTheFloor() {
        Thresholds changed = defaults.with("time=3%").with("client-latency=20%");

        assertThat(changed.of(Kind.TIME)).isEqualTo(new Threshold(0.03, 0));
        assertThat(changed.of(Kind.CLIENT_LATENCY)).isEqualTo(new Threshold(0.20, 1000));
        assertThat(changed.of(Kind.THROUGHPUT)).isEqualTo(defaults.of(Kind.THROUGHPUT));
        assertThat(defaults.of(Kind.TIME)).isEqualTo(new Threshold(0.05, 0));
    }

    @Test
    void aPercentAndAnAbsoluteReplaceBoth() {
        assertThat(defaults.with("allocation=1%,32").of(Kind.ALLOCATION)).isEqualTo(new Threshold(0.01, 32));
    }

    @Test
    void aNumberWithoutPercentIsRefusedNamingTheText() {
        assertThatThrownBy(() -> defaults.with("time=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"time=3\"");
    }

    @Test
    void anUnknownKindIsRefusedNamingIt() {
        assertThatThrownBy(() -> defaults.with("speed=5%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"speed\"")
                .hasMessageContaining("time, throughput, allocation");
    }

    @Test
    void aPercentThatIsNoNumberIsRefusedNamingTheText() {
        assertThatThrownBy(() -> defaults.with("time=x%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"time=x%\"");
    }

    @Test
    void aNegativeThresholdIsRefusedNamingTheText() {
        assertThatThrownBy(() -> defaults.with("time=-3%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"time=-3%\"");
    }

    @Test
    void aMissingEqualsSignOrAThirdPartIsRefused() {
        assertThatThrownBy(() -> defaults.with("time")).hasMessageContaining("\"time\"");
        assertThatThrownBy(() -> defaults.with("allocation=1%,2,3")).hasMessageContaining("\"allocation=1%,2,3\"");
    }

    @Test
    void informationalMetricsHaveNoThreshold() {
        assertThatThrownBy(() -> defaults.of(Kind.INFORMATIONAL)).hasMessageContaining("not gated");
        assertThatThrownBy(() -> defaults.with("informational=5%")).hasMessageContaining("\"informational\"");
    }
}
