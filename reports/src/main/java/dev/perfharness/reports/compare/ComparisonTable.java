package dev.perfharness.reports.compare;

import dev.perfharness.reports.Format;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison as a terminal table: by default only the metrics that changed or could not be told apart
 * from noise, then a count per verdict, so a hundred unchanged metrics do not bury one regression.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static void print(PrintWriter out, List<MetricComparison> comparisons, boolean all) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        comparisons.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        List<List<String>> rows = new ArrayList<>();
        for (MetricComparison comparison : comparisons) {
            boolean interesting = comparison.verdict() == Verdict.REGRESSED || comparison.verdict() == Verdict.IMPROVED
                    || comparison.verdict() == Verdict.TOO_NOISY;
            if (all || interesting) {
                rows.add(row(comparison));
            }
        }
        if (!rows.isEmpty()) {
            printRows(out, List.of("metric", "baseline", "current", "unit", "change [interval]", "p", "verdict"), rows);
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((verdict, count) -> summary.add(count + " " + verdict.label()));
        out.printf("%d metrics in both runs: %s%n", comparisons.size(), summary.isEmpty() ? "none" : String.join(", ", summary));
    }

    private static List<String> row(MetricComparison comparison) {
        var change = comparison.change();
        String interval = change.hasInterval()
                ? " [" + Format.percent(change.relativeLow()) + ", " + Format.percent(change.relativeHigh()) + "]" : " (single values)";
        return List.of(comparison.key().toString(), Format.number(change.baseline()), Format.number(change.current()), comparison.unit(),
                Format.percent(change.relative()) + interval, Double.isNaN(change.pValue()) ? "-" : String.format(Locale.ROOT, "%.3g", change.pValue()),
                comparison.verdict().label());
    }

    /** Left-aligned columns, two spaces apart. */
    public static void printRows(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - cell.length() + 2));
            }
        }
        out.println(line);
    }
}
