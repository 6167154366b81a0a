package dev.perfharness.reports.stats;

/**
 * How a metric moved from a baseline to a current measurement: the shift with its confidence interval,
 * in the metric's unit and relative to the baseline, and the p-value of "no change" where the method
 * gives one.
 *
 * @param baseline   the baseline's value (median of samples, statistic over all intervals, the figure)
 * @param current    the current value, the same way
 * @param shift      the estimated shift, current minus baseline (Hodges-Lehmann for samples)
 * @param low        the interval's lower end for the shift
 * @param high       the interval's upper end for the shift
 * @param pValue     probability of a shift at least this large with no real change; NaN when the method has none
 * @param confidence the interval's confidence level, or NaN when there is no interval
 * @param method     how it was computed, for the reader
 * @param baseCount  samples or intervals on the baseline side
 * @param currentCount samples or intervals on the current side
 */
public record Change(double baseline, double current, double shift, double low, double high, double pValue,
        double confidence, String method, int baseCount, int currentCount) {

    /** Two single figures: their difference, with no interval and no p-value. */
    public static Change ofSingleValues(double baseline, double current) {
        return ofSingleValues(baseline, current, "single values", 1, 1);
    }

    /** Two figures compared as single values, with the reason in {@code method}. */
    static Change ofSingleValues(double baseline, double current, String method, int baseCount, int currentCount) {
        double shift = current - baseline;
        return new Change(baseline, current, shift, shift, shift, Double.NaN, Double.NaN, method, baseCount, currentCount);
    }

    public boolean hasInterval() {
        return !Double.isNaN(confidence);
    }

    public double relative() {
        return relativeOf(shift);
    }

    public double relativeLow() {
        return relativeOf(low);
    }

    public double relativeHigh() {
        return relativeOf(high);
    }

    /** After over before: 1 + the relative change. */
    public double ratio() {
        return 1 + relative();
    }

    private double relativeOf(double value) {
        if (baseline == 0) {
            return value == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, value);
        }
        return value / Math.abs(baseline);
    }
}
