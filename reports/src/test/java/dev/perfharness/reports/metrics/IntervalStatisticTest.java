package dev.perfharness.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalStatisticTest {
    @Test
    void theRateIsTheTotalOverTheSeconds() {
        List<IntervalCounts> intervals = List.of(
                new IntervalCounts(new long[] {100, 200}, new long[] {4, 6}, 1.0),
                new IntervalCounts(new long[] {150}, new long[] {20}, 1.0),
                new IntervalCounts(new long[] {300}, new long[] {30}, 0.5));

        assertThat(new IntervalStatistic.Rate().of(intervals)).isEqualTo(60 / 2.5);
    }

    @Test
    void aRateOverNoTimeIsNotANumber() {
        assertThat(new IntervalStatistic.Rate().of(List.of(new IntervalCounts(new long[] {1}, new long[] {1}, 0)))).isNaN();
    }

    @Test
    void aPercentileIsTheFirstValueReachingItsShareOfTheCount() {
        List<IntervalCounts> intervals = List.of(
                new IntervalCounts(new long[] {10, 30}, new long[] {2, 1}, 1),
                new IntervalCounts(new long[] {20, 40}, new long[] {1, 1}, 1));

        assertThat(new IntervalStatistic.Percentile(20).of(intervals)).isEqualTo(10);
        assertThat(new IntervalStatistic.Percentile(50).of(intervals)).isEqualTo(20);
        assertThat(new IntervalStatistic.Percentile(80).of(intervals)).isEqualTo(30);
        assertThat(new IntervalStatistic.Percentile(100).of(intervals)).isEqualTo(40);
    }

    @Test
    void aPercentileOfNoValuesIsNotANumber() {
        assertThat(new IntervalStatistic.Percentile(99).of(List.of(new IntervalCounts(new long[0], new long[0], 1)))).isNaN();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new IntervalStatistic.Percentile(0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> new IntervalStatistic.Percentile(100.5)).hasMessageContaining("not 100.5");
    }
}
