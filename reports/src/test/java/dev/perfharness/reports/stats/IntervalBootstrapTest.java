package dev.perfharness.reports.stats;

import static dev.perfharness.reports.TestRuns.latencySeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.perfharness.reports.metrics.IntervalCounts;
import dev.perfharness.reports.metrics.IntervalStatistic;
import dev.perfharness.reports.metrics.PooledIntervals;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntervalBootstrapTest {
    private static final IntervalStatistic P50 = new IntervalStatistic.Percentile(50);
    private static final IntervalStatistic P99 = new IntervalStatistic.Percentile(99);
    private final IntervalBootstrap bootstrap = new IntervalBootstrap(0.99, 1000, 7);

    @Test
    void aLatencyShiftOfThirtyPercentIsDetected() {
        PooledIntervals before = pooled(latencySeries("", 30, 200, 1000, 11));
        PooledIntervals after = pooled(latencySeries("", 30, 200, 1300, 12));

        for (IntervalStatistic statistic : List.of(P50, P99)) {
            Change change = bootstrap.compare(before, after, statistic);

            assertThat(change.relative()).as("%s", statistic).isCloseTo(0.30, within(0.08));
            assertThat(change.low()).as("%s", statistic).isPositive();
            assertThat(change.pValue()).as("%s", statistic).isLessThan(0.01);
            assertThat(change.baseCount()).isEqualTo(30);
            assertThat(change.currentCount()).isEqualTo(30);
        }
    }

    @Test
    void twoSeriesOfTheSameDistributionGiveAnIntervalAroundZero() {
        PooledIntervals before = pooled(latencySeries("", 30, 200, 1000, 21));
        PooledIntervals after = pooled(latencySeries("", 30, 200, 1000, 22));

        for (IntervalStatistic statistic : List.of(P50, P99, new IntervalStatistic.Rate())) {
            Change change = bootstrap.compare(before, after, statistic);

            assertThat(change.low()).as("%s", statistic).isLessThanOrEqualTo(0);
            assertThat(change.high()).as("%s", statistic).isGreaterThanOrEqualTo(0);
            assertThat(change.pValue()).as("%s", statistic).isGreaterThanOrEqualTo(0.01);
        }
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        PooledIntervals before = pooled(latencySeries("", 30, 100, 1000, 31));
        PooledIntervals after = pooled(latencySeries("", 30, 100, 1100, 32));

        Change first = new IntervalBootstrap(0.99, 500, 99).compare(before, after, P99);
        Change second = new IntervalBootstrap(0.99, 500, 99).compare(before, after, P99);

        assertThat(second).isEqualTo(first);
        assertThat(new IntervalBootstrap(0.99, 500, 99).estimate(after, P99))
                .isEqualTo(new IntervalBootstrap(0.99, 500, 99).estimate(after, P99));
    }

    @Test
    void anEstimateIsTheStatisticWithAnIntervalAroundIt() {
        List<Histogram> series = latencySeries("", 30, 200, 1000, 41);

        Change estimate = bootstrap.estimate(pooled(series), P50);

        double p50 = dev.perfharness.reports.TestRuns.added(series).getValueAtPercentile(50);
        assertThat(estimate.shift()).isEqualTo(p50);
        assertThat(estimate.current()).isEqualTo(p50);
        assertThat(estimate.low()).isLessThanOrEqualTo(p50).isGreaterThan(p50 * 0.9);
        assertThat(estimate.high()).isGreaterThanOrEqualTo(p50).isLessThan(p50 * 1.1);
        assertThat(estimate.pValue()).isNaN();
    }

    @Test
    void tooFewResamplesOrABadConfidenceAreRefused() {
        assertThatThrownBy(() -> new IntervalBootstrap(0.99, 10, 1)).hasMessageContaining("100 resamples");
        assertThatThrownBy(() -> new IntervalBootstrap(1.0, 1000, 1)).hasMessageContaining("not 1.0");
    }

    private static PooledIntervals pooled(List<Histogram> series) {
        return PooledIntervals.of(series.stream().map(histogram -> IntervalCounts.of(histogram, 1.0)).toList());
    }
}
