package dev.perfharness.jmh.suite;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * One benchmark's variants as a table: the parameters, score ± error, bytes/op from the gc profiler, and
 * any figure the benchmark reports itself (retained bytes, threads, hit rate), so before and after are
 * read on one screen.
 */
final class SideBySide {
    static final String BYTES_PER_OP = "gc.alloc.rate.norm";

    private SideBySide() {
    }

    /** {@code format=CONCAT lineLength=120}. */
    static String variant(BenchmarkParams params) {
        return variant(params, params.getParamsKeys());
    }

    private static String variant(BenchmarkParams params, Collection<?> keys) {
        StringBuilder text = new StringBuilder();
        for (Object key : keys) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(key).append('=').append(params.getParam((String) key));
        }
        return text.toString();
    }

    static void print(PrintWriter out, List<BenchmarkResult> results) {
        BenchmarkParams first = results.get(0).getParams();
        // Parameters every variant shares go in the title; the rows show only what differs.
        List<String> varying = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (Object key : first.getParamsKeys()) {
            String name = (String) key;
            boolean differs = results.stream().anyMatch(r -> !r.getParams().getParam(name).equals(first.getParam(name)));
            (differs ? varying : shared).add(name);
        }
        Set<String> ownMetrics = new LinkedHashSet<>();
        for (BenchmarkResult result : results) {
            for (String name : result.getSecondaryResults().keySet()) {
                if (!name.startsWith("gc.") && !name.equals("async")) {
                    ownMetrics.add(name);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("variant", "score", "± error", "unit", "bytes/op"));
        header.addAll(ownMetrics);
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            Map<String, Result> secondary = result.getSecondaryResults();
            List<String> row = new ArrayList<>(List.of(varying.isEmpty() ? "-" : variant(result.getParams(), varying), number(primary.getScore()),
                    number(primary.getScoreError()), primary.getScoreUnit(),
                    secondary.containsKey(BYTES_PER_OP) ? number(secondary.get(BYTES_PER_OP).getScore()) : "-"));
            for (String metric : ownMetrics) {
                row.add(secondary.containsKey(metric) ? number(secondary.get(metric).getScore()) : "-");
            }
            rows.add(row);
        }
        out.printf("  %s (%s%s)%n", SuitePlan.shortName(first.getBenchmark()), first.getMode().shortLabel(),
                shared.isEmpty() ? "" : ", " + variant(first, shared));
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(out, header, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.println();
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("    ");
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            // The variant reads left-aligned; numbers right-aligned so their digits line up.
            line.append(column == 0 || column == 3 ? pad(cell, widths[column]) : padLeft(cell, widths[column])).append("  ");
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    /** Three significant digits at least, no exponent; NaN (one sample has no error) as "-". */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 0.00005) {
            return "0";
        }
        if (magnitude >= 100) {
            return String.format("%,.0f", value);
        }
        if (magnitude >= 1) {
            return String.format("%.2f", value);
        }
        return String.format("%.4f", value);
    }
}
