package dev.perfharness.reports;

import java.util.Locale;

/** Numbers as the gate's tables print them: three significant digits, percentages with a sign. */
public final class Format {
    private Format() {
    }

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double size = Math.abs(value);
        if (size != 0 && (size >= 1e7 || size < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        String text = size >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
        return text.contains(".") && !text.contains("e") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf %" : "-inf %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }
}
