package dev.perfharness.reports.stats;

import static dev.perfharness.reports.TestRuns.flat;
import static dev.perfharness.reports.TestRuns.forks;
import static dev.perfharness.reports.TestRuns.latencySeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.reports.metrics.IntervalCounts;
import dev.perfharness.reports.metrics.IntervalStatistic;
import dev.perfharness.reports.metrics.Measurement;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ChangeEstimatorTest {
    private static final IntervalStatistic P99 = new IntervalStatistic.Percentile(99);
    private final ChangeEstimator estimator = new ChangeEstimator(0.99);

    @Test
    void samplesGoToTheRankTestAndOneForkAPositiveSideGetsTheIntervalOfTheRatio() {
        double[] before = flat(forks(100, 1, 1));
        double[] after = flat(forks(120, 1, 2));

        Change change = estimator.between(new Measurement.Samples(before), new Measurement.Samples(after));
        Change ranked = new RankShift(0.99).compare(before, after);
        Change ofLogs = new RankShift(0.99).compare(java.util.Arrays.stream(before).map(Math::log).toArray(),
                java.util.Arrays.stream(after).map(Math::log).toArray());

        assertThat(change.shift()).isEqualTo(ranked.shift());
        assertThat(change.pValue()).isEqualTo(ranked.pValue());
        assertThat(change.relativeLow()).isCloseTo(Math.exp(ofLogs.low()) - 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.relativeHigh()).isCloseTo(Math.exp(ofLogs.high()) - 1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void intervalsGoToTheBootstrap() {
        Change change = estimator.between(intervals(latencySeries("", 30, 100, 1000, 1), P99),
                intervals(latencySeries("", 30, 100, 2000, 2), P99));

        assertThat(change.method()).isEqualTo("bootstrap over interval histograms");
        assertThat(change.hasInterval()).isTrue();
        assertThat(change.low()).isPositive();
    }

    @Test
    void singleFiguresAreABareDifferenceWithoutInterval() {
        Change change = estimator.between(new Measurement.Single(0.9), new Measurement.Single(0.75));

        assertThat(change.shift()).isEqualTo(0.75 - 0.9);
        assertThat(change.hasInterval()).isFalse();
        assertThat(change.pValue()).isNaN();
        assertThat(change.method()).isEqualTo("single values");
    }

    @Test
    void aLogOfOneIntervalPerSideIsASingleValueNotACertainty() {
        // The service's own log holds one histogram per endpoint for the whole leg: resampling one interval
        // always draws it again, which would give an interval of zero width and a p-value of 1 / resamples.
        Measurement before = intervals(List.of(dev.perfharness.reports.TestRuns.interval("", 0, 100, 200, 300, 400)), P99);
        Measurement after = intervals(List.of(dev.perfharness.reports.TestRuns.interval("", 0, 150, 250, 350, 450)), P99);

        Change change = estimator.between(before, after);

        assertThat(change.hasInterval()).isFalse();
        assertThat(change.pValue()).isNaN();
        assertThat(change.shift()).isEqualTo(after.point() - before.point());
        assertThat(estimator.of(after).hasInterval()).isFalse();
        assertThat(estimator.of(after).shift()).isEqualTo(after.point());
    }

    @Test
    void differentStatisticsCannotBeCompared() {
        List<Histogram> series = latencySeries("", 5, 10, 1000, 3);

        assertThatThrownBy(() -> estimator.between(intervals(series, P99), intervals(series, new IntervalStatistic.Rate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot compare");
    }

    @Test
    void oneMeasurementIsItsValueWithAnInterval() {
        double[] samples = flat(forks(50, 2, 4));

        Change change = estimator.of(new Measurement.Samples(samples));

        double median = new Measurement.Samples(samples).point();
        assertThat(change.shift()).isEqualTo(median);
        assertThat(change.low()).isLessThanOrEqualTo(median).isGreaterThanOrEqualTo(48);
        assertThat(change.high()).isGreaterThanOrEqualTo(median).isLessThanOrEqualTo(52);
        assertThat(estimator.of(new Measurement.Single(3)).shift()).isEqualTo(3);
    }

    private static Measurement intervals(List<Histogram> series, IntervalStatistic statistic) {
        return new Measurement.Intervals(series.stream().map(histogram -> IntervalCounts.of(histogram, 1.0)).toList(), statistic);
    }
}
