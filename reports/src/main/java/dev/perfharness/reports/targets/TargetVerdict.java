package dev.perfharness.reports.targets;

/** The gate's verdict on one target. */
public enum TargetVerdict {
    /** The whole confidence interval meets the target (or the single figure does). */
    HOLDS("holds"),
    /** The whole interval misses it. */
    DOES_NOT_HOLD("does not hold"),
    /** The interval straddles the threshold: the data cannot tell. */
    UNCLEAR("unclear"),
    /** Nothing in this run measures it; the reason says why. */
    NOT_MEASURED("not measured here"),
    /** The target names a metric the run cannot resolve to exactly one measurement. */
    INVALID("cannot evaluate");

    private final String label;

    TargetVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
