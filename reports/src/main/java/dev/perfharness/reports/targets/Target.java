package dev.perfharness.reports.targets;

import dev.perfharness.reports.Format;
import java.util.Map;

/**
 * One claim the gate checks: where it comes from (a seed's sentence, or our own goal), the metric that
 * measures it here, and the comparison that decides it. A claim nothing here can measure carries the
 * reason instead of a metric.
 *
 * @param variants        for JMH relative and ratio targets: the parameter whose values are before and after
 * @param variantParams   for JMH absolute targets: the parameters that pick the after variant
 * @param required        whether a miss fails the gate; seed claims are checked and shown, our own targets gate
 */
public record Target(String id, String file, String seed, int line, String quote, String claim, String note, String notMeasured,
        MetricSelector metric, VariantPair variants, Map<String, String> variantParams, Comparison comparison, Operator operator,
        double threshold, String unit, boolean required) {

    /** The JMH parameter whose two values are the variants, e.g. {@code cache: NONE -> ASIDE_SINGLEFLIGHT}. */
    public record VariantPair(String param, String before, String after) {
    }

    public boolean measurable() {
        return notMeasured == null;
    }

    /** "<= -50 %", "< 1000 us", ">= 3x". */
    public String condition() {
        String amount = switch (comparison) {
            case RELATIVE -> Format.percent(threshold);
            case RATIO -> Format.number(threshold) + "x";
            case ABSOLUTE -> Format.number(threshold) + (unit == null || unit.isBlank() ? "" : " " + unit);
        };
        return (comparison == Comparison.ABSOLUTE ? "" : "after vs before ") + operator.symbol() + " " + amount;
    }
}
