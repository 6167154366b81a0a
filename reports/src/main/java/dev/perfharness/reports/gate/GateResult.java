package dev.perfharness.reports.gate;

import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the gate decided for a run: each target's result, each metric's comparison with the
 * baseline (empty without one), and the exit code: 0 when every required target holds and nothing
 * regressed, 1 when a required target missed (or could not be shown to hold) or a metric regressed,
 * 2 when a target could not be evaluated. With {@code regressionsFail} off, regressions are reported but
 * do not fail the gate: for a baseline recorded on another machine, whose differences are not the code's.
 *
 * @param baseline what the run was compared with, or null
 */
public record GateResult(Path run, String baseline, double confidence, List<TargetResult> targets, List<MetricComparison> comparisons,
        boolean regressionsFail) {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int CANNOT_EVALUATE = 2;

    /** A result in which a regression against the baseline fails the gate. */
    public GateResult(Path run, String baseline, double confidence, List<TargetResult> targets, List<MetricComparison> comparisons) {
        this(run, baseline, confidence, targets, comparisons, true);
    }

    public int exitCode() {
        if (targets.stream().anyMatch(result -> result.verdict() == TargetVerdict.INVALID)) {
            return CANNOT_EVALUATE;
        }
        return failedTargets().isEmpty() && (regressions().isEmpty() || !regressionsFail) ? PASSED : FAILED;
    }

    public List<TargetResult> failedTargets() {
        return targets.stream().filter(TargetResult::fails).toList();
    }

    public List<MetricComparison> regressions() {
        return comparisons.stream().filter(comparison -> comparison.verdict() == Verdict.REGRESSED).toList();
    }

    public long count(TargetVerdict verdict) {
        return targets.stream().filter(result -> result.verdict() == verdict).count();
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(comparison -> comparison.verdict() == verdict).count();
    }

    public String headline() {
        return switch (exitCode()) {
            case PASSED -> "PASSED";
            case FAILED -> "FAILED";
            default -> "CANNOT EVALUATE";
        };
    }
}
