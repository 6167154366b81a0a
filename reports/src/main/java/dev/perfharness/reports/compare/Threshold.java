package dev.perfharness.reports.compare;

import java.util.Locale;

/**
 * How large a change must be before it matters: both at least {@code relative} of the baseline (0.05 is
 * 5 %) and at least {@code absolute} in the metric's unit. The absolute floor is for metrics whose
 * resolution is coarse (Gatling's whole milliseconds) or whose baseline is near zero (a few bytes per
 * operation), where a tiny shift is a large fraction.
 */
public record Threshold(double relative, double absolute) {
    public Threshold {
        if (!(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("a threshold is 0 or more, not relative " + relative + " and absolute " + absolute);
        }
    }

    /** True when a shift of {@code shift} from {@code baseline} is large enough to count. */
    public boolean material(double shift, double baseline) {
        double size = Math.abs(shift);
        if (size < absolute || size == 0) {
            return false;
        }
        return baseline == 0 || size / Math.abs(baseline) >= relative;
    }

    @Override
    public String toString() {
        String percent = String.format(Locale.ROOT, "%.3g%%", relative * 100).replaceAll("\\.?0+%$", "%");
        return absolute == 0 ? percent : percent + " and " + absolute;
    }
}
