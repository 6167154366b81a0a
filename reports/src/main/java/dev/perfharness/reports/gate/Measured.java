package dev.perfharness.reports.gate;

import dev.perfharness.reports.Format;
import dev.perfharness.reports.targets.Comparison;
import dev.perfharness.reports.targets.TargetResult;

/** A target's measured value with its interval, in the target's terms: "-94.1 % [-95.0 %, -93.2 %]". */
final class Measured {
    private Measured() {
    }

    static String of(TargetResult result) {
        if (Double.isNaN(result.value())) {
            return "-";
        }
        String value = value(result, result.value());
        if (result.change() == null || !result.change().hasInterval()) {
            return value + " (single value)";
        }
        return value + " [" + value(result, result.low()) + ", " + value(result, result.high()) + "]";
    }

    private static String value(TargetResult result, double value) {
        Comparison comparison = result.target().comparison();
        return switch (comparison) {
            case RELATIVE -> Format.percent(value);
            case RATIO -> Format.number(value) + "x";
            case ABSOLUTE -> Format.number(value);
        };
    }

    /** What the verdict rests on, for a reader who wants the raw figures. */
    static String basis(TargetResult result) {
        if (result.reason() != null) {
            return result.reason();
        }
        if (result.change() == null) {
            return "";
        }
        String unit = result.target().unit() == null ? "" : " " + result.target().unit();
        return result.target().comparison() == Comparison.ABSOLUTE
                ? result.change().method()
                : "before " + Format.number(result.change().baseline()) + ", after " + Format.number(result.change().current()) + unit
                        + "; " + result.change().method();
    }
}
