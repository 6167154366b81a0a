package dev.perfharness.reports.gate;

import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Threshold;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.metrics.Kind;
import dev.perfharness.reports.metrics.MetricKey;
import dev.perfharness.reports.stats.Change;
import dev.perfharness.reports.targets.Comparison;
import dev.perfharness.reports.targets.MetricSelector;
import dev.perfharness.reports.targets.Operator;
import dev.perfharness.reports.targets.Target;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.util.Map;

/** Target results and comparisons of each verdict, for the gate's tests. */
final class GateFixtures {
    private GateFixtures() {
    }

    static Target target(String id, String claim, boolean required) {
        return new Target(id, "own-targets.yaml", "001", 42, "a quote", claim, null, null,
                new MetricSelector("jmh", "cache.CacheAsideBenchmark.hit", Map.of("trackerJobs", "100000"), null, null, "score", null),
                new Target.VariantPair("cache", "NONE", "ASIDE"), Map.of(), Comparison.RELATIVE, Operator.AT_MOST, -0.5, null, required);
    }

    static TargetResult result(String id, boolean required, TargetVerdict verdict) {
        return result(target(id, "claim of " + id, required), verdict);
    }

    static TargetResult result(Target target, TargetVerdict verdict) {
        return switch (verdict) {
            case NOT_MEASURED -> new TargetResult(target, verdict, Double.NaN, Double.NaN, Double.NaN, null,
                    "not in this run: no jmh result for " + target.metric().subject());
            case INVALID -> new TargetResult(target, verdict, Double.NaN, Double.NaN, Double.NaN, null, "2 metrics match");
            case HOLDS -> new TargetResult(target, verdict, -0.9, -0.95, -0.85, change(4000, 400), null);
            case UNCLEAR -> new TargetResult(target, verdict, -0.5, -0.7, -0.3, change(4000, 2000), null);
            case DOES_NOT_HOLD -> new TargetResult(target, verdict, -0.1, -0.15, -0.05, change(4000, 3600), null);
        };
    }

    static MetricComparison comparison(String quantity, Verdict verdict) {
        Kind kind = verdict == Verdict.NOT_GATED ? Kind.INFORMATIONAL : Kind.TIME;
        double after = verdict == Verdict.REGRESSED ? 130 : verdict == Verdict.IMPROVED ? 70 : 101;
        return new MetricComparison(new MetricKey("jmh", "cache.CacheAsideBenchmark.hit", Map.of("cache", "ASIDE"), quantity), kind,
                "us/op", change(100, after), kind.gated() ? new Threshold(0.05, 0) : null, verdict);
    }

    private static Change change(double before, double after) {
        double shift = after - before;
        return new Change(before, after, shift, shift * 1.1, shift * 0.9, 0.001, 0.99, "Mann-Whitney U, Hodges-Lehmann shift", 10, 10);
    }
}
