package dev.perfharness.reports.gate;

import dev.perfharness.reports.compare.Comparator;
import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Thresholds;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.ChangeEstimator;
import dev.perfharness.reports.targets.Target;
import dev.perfharness.reports.targets.TargetEvaluator;
import dev.perfharness.reports.targets.TargetResult;
import java.util.List;

/** Evaluates a run's targets and, given a baseline, every metric's change against it. */
public final class Gate {
    private final ChangeEstimator estimator;
    private final Thresholds thresholds;

    public Gate(double confidence, Thresholds thresholds) {
        this.estimator = new ChangeEstimator(confidence);
        this.thresholds = thresholds;
    }

    /** @param baseline the baseline's metrics, or null to evaluate the targets alone */
    public GateResult evaluate(RunMetrics run, List<Target> targets, RunMetrics baseline, String baselineName) {
        return evaluate(run, targets, baseline, baselineName, true);
    }

    /** @param regressionsFail whether a regression against the baseline fails the gate, or is only reported */
    public GateResult evaluate(RunMetrics run, List<Target> targets, RunMetrics baseline, String baselineName, boolean regressionsFail) {
        List<TargetResult> results = new TargetEvaluator(estimator).evaluate(targets, run);
        List<MetricComparison> comparisons = baseline == null ? List.of() : new Comparator(thresholds, estimator).compare(baseline, run);
        return new GateResult(run.directory(), baseline == null ? null : baselineName, estimator.confidence(), results, comparisons,
                regressionsFail);
    }
}
