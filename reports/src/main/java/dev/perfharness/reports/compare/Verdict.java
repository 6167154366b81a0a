package dev.perfharness.reports.compare;

/** What a comparison says about one metric. */
public enum Verdict {
    IMPROVED("improved"),
    REGRESSED("regressed"),
    /** The whole confidence interval lies within the threshold: any change there is too small to matter. */
    UNCHANGED("unchanged"),
    /** The interval reaches past the threshold but the change is not significant: more samples would tell. */
    TOO_NOISY("too noisy to tell"),
    /** A metric with no better direction (a request count): shown, never gated. */
    NOT_GATED("not gated");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
