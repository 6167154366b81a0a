package dev.perfharness.reports.targets;

import dev.perfharness.reports.stats.Change;

/**
 * A target's outcome: the measured value (a relative change, a ratio or an absolute value, as the target
 * compares) with its interval, the verdict, and the reason when it was not measured.
 */
public record TargetResult(Target target, TargetVerdict verdict, double value, double low, double high, Change change, String reason) {

    static TargetResult notMeasured(Target target, String reason) {
        return new TargetResult(target, TargetVerdict.NOT_MEASURED, Double.NaN, Double.NaN, Double.NaN, null, reason);
    }

    static TargetResult invalid(Target target, String reason) {
        return new TargetResult(target, TargetVerdict.INVALID, Double.NaN, Double.NaN, Double.NaN, null, reason);
    }

    /** A required target that did not show it holds. */
    public boolean fails() {
        return target.required() && (verdict == TargetVerdict.DOES_NOT_HOLD || verdict == TargetVerdict.UNCLEAR);
    }
}
