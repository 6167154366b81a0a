package dev.perfharness.reports.targets;

import static dev.perfharness.reports.TestRuns.flat;
import static dev.perfharness.reports.TestRuns.forks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

class TargetEvaluatorTest {
    private static final String HIT = "cache.CacheAsideBenchmark.hit";
    private static final MetricSelector HIT_SCORE = new MetricSelector("jmh", HIT, Map.of("trackerJobs", "100000"), null, null, "score", null);
    private static final Target.VariantPair CACHE = new Target.VariantPair("cache", "NONE", "ASIDE");

    private final TargetEvaluator evaluator = new TargetEvaluator(new ChangeEstimator(0.99));

    @Test
    void aRelativeTargetHoldsWhenTheWholeIntervalMeetsIt() {
        RunMetrics run = run(hit("NONE", "100000", forks(4000, 50, 1)), hit("ASIDE", "100000", forks(200, 5, 2)));

        TargetResult result = evaluator.evaluate(relative(Operator.AT_MOST, -0.50), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.HOLDS);
        assertThat(result.value()).isCloseTo(-0.95, within(0.01));
        assertThat(result.high()).isLessThanOrEqualTo(-0.50);
        assertThat(result.fails()).isFalse();
    }

    @Test
    void aRelativeTargetDoesNotHoldWhenTheWholeIntervalMissesIt() {
        RunMetrics run = run(hit("NONE", "100000", forks(4000, 50, 3)), hit("ASIDE", "100000", forks(3900, 50, 4)));

        TargetResult result = evaluator.evaluate(relative(Operator.AT_MOST, -0.50), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.DOES_NOT_HOLD);
        assertThat(result.low()).isGreaterThan(-0.50);
        assertThat(result.fails()).isTrue();
    }

    @Test
    void aRelativeTargetIsUnclearWhenTheIntervalStraddlesIt() {
        RunMetrics run = run(hit("NONE", "100000", forks(100, 15, 5)), hit("ASIDE", "100000", forks(50, 15, 6)));

        TargetResult result = evaluator.evaluate(relative(Operator.AT_MOST, -0.50), run);

        assertThat(result.low()).isLessThan(-0.50);
        assertThat(result.high()).isGreaterThan(-0.50);
        assertThat(result.verdict()).isEqualTo(TargetVerdict.UNCLEAR);
        assertThat(result.fails()).isTrue();
        assertThat(evaluator.evaluate(relative(Operator.AT_LEAST, -0.50), run).verdict()).isEqualTo(TargetVerdict.UNCLEAR);
    }

    @Test
    void aRatioIsAfterOverBefore() {
        MetricSelector batch = new MetricSelector("jmh", "containers.WorkerPoolBenchmark.batch", Map.of(), null, null, "score", null);
        RunMetrics run = run(
                new Metric(new MetricKey("jmh", "containers.WorkerPoolBenchmark.batch", Map.of("workers", "SEQUENTIAL"), "score"),
                        Kind.THROUGHPUT, "ops/s", new Measurement.Samples(flat(forks(100, 1, 7)))),
                new Metric(new MetricKey("jmh", "containers.WorkerPoolBenchmark.batch", Map.of("workers", "FIXED_POOL"), "score"),
                        Kind.THROUGHPUT, "ops/s", new Measurement.Samples(flat(forks(300, 1, 8)))));
        Target target = target(batch, new Target.VariantPair("workers", "SEQUENTIAL", "FIXED_POOL"), Map.of(), Comparison.RATIO,
                Operator.AT_LEAST, 2.5, null);

        TargetResult result = evaluator.evaluate(target, run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.HOLDS);
        assertThat(result.value()).isCloseTo(3.0, within(0.05));
        assertThat(result.low()).isGreaterThan(2.5);
    }

    @Test
    void anAbsoluteTargetJudgesTheAfterVariantsValue() {
        RunMetrics run = run(hit("NONE", "100000", forks(4000, 50, 9)), hit("ASIDE", "100000", forks(200, 5, 10)));

        TargetResult result = evaluator.evaluate(absolute(Operator.LESS, 1000, "us/op"), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.HOLDS);
        assertThat(result.value()).isCloseTo(200, within(5.0));
        assertThat(result.high()).isLessThan(1000);
    }

    @Test
    void anAbsoluteTargetInAnotherUnitCannotBeEvaluated() {
        RunMetrics run = run(hit("ASIDE", "100000", forks(200, 5, 11)));

        TargetResult result = evaluator.evaluate(absolute(Operator.LESS, 1, "ms/op"), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.INVALID);
        assertThat(result.reason()).contains("ms/op").contains("us/op");
    }

    @Test
    void aMetricTheRunLacksIsNotMeasuredAndTheReasonNamesIt() {
        RunMetrics run = run(hit("ASIDE", "100000", forks(200, 5, 12)));

        TargetResult result = evaluator.evaluate(relative(Operator.AT_MOST, -0.50), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.NOT_MEASURED);
        assertThat(result.reason()).contains(HIT).contains("score").contains("cache=NONE");
        assertThat(result.fails()).isFalse();
    }

    @Test
    void aTargetThatDoesNotFixEveryParameterCannotBeEvaluated() {
        RunMetrics run = run(hit("NONE", "10000", forks(400, 5, 13)), hit("NONE", "100000", forks(4000, 5, 14)),
                hit("ASIDE", "10000", forks(200, 5, 15)), hit("ASIDE", "100000", forks(200, 5, 16)));
        MetricSelector unfixed = new MetricSelector("jmh", HIT, Map.of(), null, null, "score", null);

        TargetResult result = evaluator.evaluate(target(unfixed, CACHE, Map.of(), Comparison.RELATIVE, Operator.AT_MOST, -0.5, null), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.INVALID);
        assertThat(result.reason()).contains("2 metrics match").contains("trackerJobs");
    }

    @Test
    void aGatlingFigureIsJudgedByItselfInItsVariant() {
        MetricSelector ratio = new MetricSelector("gatling", "DashboardPolling", Map.of(), "figure", "cache hit ratio (active)", "value", "after");
        RunMetrics run = run(figure("before", 0.0), figure("after", 0.97));

        TargetResult result = evaluator.evaluate(target(ratio, null, Map.of(), Comparison.ABSOLUTE, Operator.AT_LEAST, 0.8, "ratio"), run);

        assertThat(result.verdict()).isEqualTo(TargetVerdict.HOLDS);
        assertThat(result.value()).isEqualTo(0.97);
        assertThat(result.change().hasInterval()).isFalse();
    }

    @Test
    void aClaimNothingMeasuresKeepsItsReason() {
        Target target = new Target("tail-lines", "t.yaml", null, 0, null, "Capped tails.", null, "No scenario asks for a long tail.",
                null, null, Map.of(), null, null, Double.NaN, null, true);

        TargetResult result = evaluator.evaluate(target, run());

        assertThat(result.verdict()).isEqualTo(TargetVerdict.NOT_MEASURED);
        assertThat(result.reason()).isEqualTo("No scenario asks for a long tail.");
        assertThat(result.fails()).isFalse();
    }

    private static Target relative(Operator operator, double threshold) {
        return target(HIT_SCORE, CACHE, Map.of(), Comparison.RELATIVE, operator, threshold, null);
    }

    private static Target absolute(Operator operator, double threshold, String unit) {
        return target(HIT_SCORE, null, Map.of("cache", "ASIDE"), Comparison.ABSOLUTE, operator, threshold, unit);
    }

    static Target target(MetricSelector metric, Target.VariantPair variants, Map<String, String> variantParams, Comparison comparison,
            Operator operator, double threshold, String unit) {
        return new Target("t-" + metric.subject(), "targets.yaml", null, 0, null, "a claim", null, null, metric, variants, variantParams,
                comparison, operator, threshold, unit, true);
    }

    private static Metric hit(String cache, String trackerJobs, double[][] forks) {
        return new Metric(new MetricKey("jmh", HIT, Map.of("cache", cache, "trackerJobs", trackerJobs), "score"), Kind.TIME, "us/op",
                new Measurement.Samples(flat(forks)));
    }

    private static Metric figure(String variant, double value) {
        return new Metric(new MetricKey("gatling", "DashboardPolling",
                Map.of("variant", variant, "side", "figure", "name", "cache hit ratio (active)"), "value"), Kind.RATIO, "ratio",
                new Measurement.Single(value));
    }

    private static RunMetrics run(Metric... metrics) {
        return RunMetrics.of(Path.of("run"), List.of(metrics));
    }
}
