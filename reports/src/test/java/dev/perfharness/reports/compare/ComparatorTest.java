package dev.perfharness.reports.compare;

import static dev.perfharness.reports.TestRuns.forks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.reports.metrics.Kind;
import dev.perfharness.reports.metrics.Measurement;
import dev.perfharness.reports.metrics.Metric;
import dev.perfharness.reports.metrics.MetricKey;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparatorTest {
    private final Comparator comparator = new Comparator(Thresholds.defaults(), new ChangeEstimator(0.99));

    @Test
    void aLongerTimeIsARegressionAndAShorterOneAnImprovement() {
        Metric before = samples(Kind.TIME, forks(100, 0.5, 1));

        assertThat(comparator.compare(before, samples(Kind.TIME, forks(110, 0.5, 2))).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(comparator.compare(before, samples(Kind.TIME, forks(90, 0.5, 3))).verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void runsOfTheSameCodeWhoseForksDisagreeAreNotARegression() {
        // An A/A pair: one of the first run's forks landed 12 % high (JIT, layout). Whatever the rank test
        // says of its iterations, resampling forks shows the change could be nothing or 12 %.
        double[][] first = {{99.5, 99.8, 100, 100.2, 100.5}, {111.5, 111.8, 112, 112.2, 112.5}};
        double[][] second = {{99.6, 99.9, 100.1, 100.3, 100.4}, {99.4, 99.7, 100, 100.2, 100.6}};

        MetricComparison comparison = comparator.compare(samples(Kind.TIME, first), samples(Kind.TIME, second));

        assertThat(comparison.change().low()).isLessThan(-10);
        assertThat(comparison.change().high()).isGreaterThanOrEqualTo(0);
        assertThat(comparison.verdict()).isEqualTo(Verdict.TOO_NOISY);
    }

    @Test
    void aHigherThroughputIsAnImprovementAndALowerOneARegression() {
        Metric before = samples(Kind.THROUGHPUT, forks(100, 0.5, 4));

        assertThat(comparator.compare(before, samples(Kind.THROUGHPUT, forks(110, 0.5, 5))).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(comparator.compare(before, samples(Kind.THROUGHPUT, forks(90, 0.5, 6))).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aChangeWhoseWholeIntervalLiesWithinTheThresholdIsUnchanged() {
        // +1 %, significant, but the time threshold is 5 %.
        MetricComparison comparison = comparator.compare(samples(Kind.TIME, forks(100, 0.5, 7)), samples(Kind.TIME, forks(101, 0.5, 8)));

        assertThat(comparison.change().pValue()).isLessThan(0.01);
        assertThat(comparison.change().relativeHigh()).isLessThan(0.05);
        assertThat(comparison.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(comparison.threshold()).isEqualTo(new Threshold(0.05, 0));
    }

    @Test
    void anInsignificantChangeWhoseIntervalReachesPastTheThresholdIsTooNoisy() {
        MetricComparison comparison = comparator.compare(samples(Kind.TIME, forks(100, 30, 9)), samples(Kind.TIME, forks(100, 30, 10)));

        assertThat(comparison.change().pValue()).isGreaterThanOrEqualTo(0.01);
        assertThat(Math.max(-comparison.change().relativeLow(), comparison.change().relativeHigh())).isGreaterThan(0.05);
        assertThat(comparison.verdict()).isEqualTo(Verdict.TOO_NOISY);
    }

    @Test
    void aFewBytesPerOperationAreUnderTheAllocationFloor() {
        // 10 B/op on 1 000 is 1 %, the relative threshold, but under the 16-byte floor.
        Metric before = samples(Kind.ALLOCATION, forks(1000, 0.01, 11));

        MetricComparison small = comparator.compare(before, samples(Kind.ALLOCATION, forks(1010, 0.01, 12)));
        MetricComparison large = comparator.compare(before, samples(Kind.ALLOCATION, forks(1100, 0.01, 13)));

        assertThat(small.change().pValue()).isLessThan(0.01);
        assertThat(small.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(large.change().pValue()).isLessThan(0.01);
        assertThat(large.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void singleValuesAreJudgedByTheThresholdAlone() {
        // Hit ratios: an absolute threshold of 0.05.
        MetricComparison worse = comparator.compare(single(Kind.RATIO, 0.95), single(Kind.RATIO, 0.85));
        MetricComparison same = comparator.compare(single(Kind.RATIO, 0.95), single(Kind.RATIO, 0.93));
        MetricComparison failures = comparator.compare(single(Kind.ERRORS, 0), single(Kind.ERRORS, 3));
        MetricComparison lighter = comparator.compare(single(Kind.MEMORY, 2000), single(Kind.MEMORY, 1500));

        assertThat(worse.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(worse.change().hasInterval()).isFalse();
        assertThat(same.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(failures.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(lighter.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void informationalMetricsAreShownButNotGated() {
        MetricComparison comparison = comparator.compare(single(Kind.INFORMATIONAL, 10), single(Kind.INFORMATIONAL, 1000));

        assertThat(comparison.verdict()).isEqualTo(Verdict.NOT_GATED);
        assertThat(comparison.threshold()).isNull();
        assertThat(comparison.change().shift()).isEqualTo(990);
    }

    @Test
    void onlyMetricsInBothRunsAreCompared() {
        Metric shared = samples(Kind.TIME, forks(100, 0.5, 14));
        Metric onlyBefore = new Metric(key("gone"), Kind.TIME, "us/op", new Measurement.Single(1));
        Metric onlyAfter = new Metric(key("new"), Kind.TIME, "us/op", new Measurement.Single(1));

        List<MetricComparison> comparisons = comparator.compare(RunMetrics.of(Path.of("base"), List.of(shared, onlyBefore)),
                RunMetrics.of(Path.of("run"), List.of(onlyAfter, shared)));

        assertThat(comparisons).extracting(MetricComparison::key).containsExactly(shared.key());
        assertThat(comparisons.getFirst().verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aPercentileWithoutAnIntervalIsNeverCalledRegressed() {
        MetricComparison moved = comparator.compare(single(Kind.LATENCY, 1000), single(Kind.LATENCY, 1500));
        MetricComparison still = comparator.compare(single(Kind.LATENCY, 1000), single(Kind.LATENCY, 1010));

        assertThat(moved.verdict()).isEqualTo(Verdict.TOO_NOISY);
        assertThat(still.verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    private static Metric samples(Kind kind, double[][] forks) {
        return new Metric(key("score"), kind, "us/op", Measurement.Samples.ofForks(forks));
    }

    private static Metric single(Kind kind, double value) {
        return new Metric(key("value"), kind, "", new Measurement.Single(value));
    }

    private static MetricKey key(String quantity) {
        return new MetricKey(MetricKey.JMH, "cache.CacheAsideBenchmark.hit", Map.of("cache", "ASIDE"), quantity);
    }
}
