package dev.perfharness.reports.metrics;

import static dev.perfharness.reports.TestRuns.added;
import static dev.perfharness.reports.TestRuns.latencySeries;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PooledIntervalsTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1000, 3337})
    void aPercentileOfPooledIntervalsIsHdrHistogramsOwnOfTheAddedHistograms(int perSecond) {
        List<Histogram> series = latencySeries("", 10, perSecond, 2000, perSecond);
        Histogram total = added(series);

        PooledIntervals pooled = PooledIntervals.of(counts(series));

        for (double percent : new double[] {50, 90, 99, 99.9}) {
            assertThat(pooled.evaluate(new IntervalStatistic.Percentile(percent))).as("p%s of %d", percent, total.getTotalCount())
                    .isEqualTo(total.getValueAtPercentile(percent));
        }
        assertThat(pooled.evaluate(new IntervalStatistic.Percentile(100))).isEqualTo(total.getMaxValue());
    }

    @Test
    void percentilesAtEveryRankMatchHdrHistogram() {
        // Values one bucket apart, so each rank has its own value and an off-by-one rank shows.
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i);
        }
        PooledIntervals pooled = PooledIntervals.of(List.of(IntervalCounts.of(histogram, 1)));

        for (double percent = 0.1; percent <= 100; percent += 0.1) {
            assertThat(pooled.evaluate(new IntervalStatistic.Percentile(percent))).as("p%s", percent)
                    .isEqualTo(histogram.getValueAtPercentile(percent));
        }
    }

    @Test
    void aResampleDrawsWholeIntervals() {
        Histogram slow = dev.perfharness.reports.TestRuns.interval("", 0, 5000, 5000);
        Histogram fast = dev.perfharness.reports.TestRuns.interval("", 1, 10, 10, 10);
        PooledIntervals pooled = PooledIntervals.of(List.of(IntervalCounts.of(slow, 1), IntervalCounts.of(fast, 1)));
        SplittableRandom random = new SplittableRandom(5);

        for (int i = 0; i < 50; i++) {
            // Two draws: 4, 5 or 6 values in two seconds, never a mix that splits an interval.
            assertThat(pooled.resample(new IntervalStatistic.Rate(), random)).isIn(2.0, 2.5, 3.0);
        }
        assertThat(pooled.size()).isEqualTo(2);
    }

    private static List<IntervalCounts> counts(List<Histogram> series) {
        return series.stream().map(histogram -> IntervalCounts.of(histogram, 1.0)).toList();
    }
}
