package dev.perfharness.cli.gatling;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A scenario's variants side by side: one column per variant (repeats merged: histograms added,
 * figures averaged), one row per figure, and the change from the first variant to the last.
 */
final class LoadTable {
    private static final int LABEL_WIDTH = 52;
    private static final int COLUMN_WIDTH = 14;

    private final List<String> variants;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String label, List<Double> values, DoubleFunction<String> format, boolean showChange) {
    }

    private LoadTable(List<String> variants) {
        this.variants = variants;
    }

    /** The table of one scenario's results, the variants in the order given. */
    static LoadTable of(List<String> variants, List<LoadResult> results) {
        LoadTable table = new LoadTable(variants);
        Map<String, List<LoadResult>> byVariant = new LinkedHashMap<>();
        variants.forEach(variant -> byVariant.put(variant, new ArrayList<>()));
        results.forEach(result -> byVariant.get(result.leg().variant()).add(result));
        table.distributions("client ", byVariant, LoadResult::reportedClient);
        table.distributions("ws delivery", byVariant, result -> result.delivery().map(d -> Map.of("", d)).orElse(Map.of()));
        table.distributions("server ", byVariant, LoadResult::server);
        table.distributions("outage: ", byVariant, LoadResult::outageWindows);
        Set<String> figures = new LinkedHashSet<>();
        results.forEach(result -> figures.addAll(result.figures().keySet()));
        for (String figure : figures) {
            table.rows.add(new Row(figure, byVariant.values().stream().map(list -> mean(list, figure)).toList(),
                    LoadTable::number, true));
        }
        return table;
    }

    private void distributions(String prefix, Map<String, List<LoadResult>> byVariant,
            Function<LoadResult, Map<String, Measured>> measures) {
        Set<String> names = new LinkedHashSet<>();
        byVariant.values().forEach(list -> list.forEach(result -> names.addAll(measures.apply(result).keySet())));
        for (String name : names) {
            List<Optional<Distribution>> columns = byVariant.values().stream()
                    .map(list -> list.stream().map(result -> Optional.ofNullable(measures.apply(result).get(name)))
                            .flatMap(Optional::stream).reduce(Measured::plus).map(Measured::distribution))
                    .toList();
            String label = (prefix + name).trim();
            rows.add(new Row(label + ": requests", values(columns, Distribution::count), LoadTable::count, false));
            if (columns.stream().flatMap(Optional::stream).anyMatch(d -> d.failed() > 0)) {
                rows.add(new Row(label + ": failed", values(columns, Distribution::failed), LoadTable::count, false));
            }
            rows.add(new Row(label + ": per second", values(columns, Distribution::perSecond), LoadTable::number, true));
            rows.add(new Row(label + ": p50", values(columns, Distribution::p50), LoadTable::micros, true));
            rows.add(new Row(label + ": p90", values(columns, Distribution::p90), LoadTable::micros, true));
            rows.add(new Row(label + ": p99", values(columns, Distribution::p99), LoadTable::micros, true));
            rows.add(new Row(label + ": p99.9", values(columns, Distribution::p999), LoadTable::micros, true));
            rows.add(new Row(label + ": max", values(columns, Distribution::max), LoadTable::micros, true));
        }
    }

    private static List<Double> values(List<Optional<Distribution>> columns, Function<Distribution, Number> value) {
        return columns.stream().map(column -> column.map(d -> value.apply(d).doubleValue()).orElse(null)).toList();
    }

    private static Double mean(List<LoadResult> results, String figure) {
        OptionalDouble mean = results.stream().map(result -> result.figures().get(figure)).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    void print(PrintWriter out) {
        StringBuilder header = new StringBuilder(" ".repeat(LABEL_WIDTH));
        variants.forEach(variant -> header.append(pad(variant)));
        if (variants.size() > 1) {
            header.append(pad("change"));
        }
        out.println(header);
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", "  " + row.label()));
            row.values().forEach(value -> line.append(pad(value == null ? "-" : row.format().apply(value))));
            if (variants.size() > 1 && row.showChange()) {
                line.append(pad(change(row.values().getFirst(), row.values().getLast())));
            }
            out.println(line);
        }
        out.flush();
    }

    private static String change(Double first, Double last) {
        if (first == null || last == null || first == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%+.1f %%", (last - first) / first * 100);
    }

    private static String pad(String text) {
        return String.format(Locale.ROOT, "%" + COLUMN_WIDTH + "s", text);
    }

    static String micros(double micros) {
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
        }
        if (micros >= 1_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f us", micros);
    }

    static String count(double count) {
        return String.format(Locale.ROOT, "%,.0f", count);
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 1 ? "%.2f" : "%.3f", value);
    }
}
