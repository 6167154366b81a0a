package dev.perfharness.cli.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.reports.Format;
import dev.perfharness.reports.compare.Comparator;
import dev.perfharness.reports.compare.ComparisonTable;
import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.metrics.MetricKey;
import dev.perfharness.reports.metrics.RunMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the calibration runs showed, per gated metric: how often an A/A pair flagged it (a false alarm,
 * either way) and how often a plain-against-injected pair found it regressed, with the median change the
 * injection caused.
 */
record Calibration(Map<MetricKey, Tally> tallies, int aaPairs, int aaPairsFlagged, int injectedPairs) {

    /** One metric's counts over all pairs. */
    record Tally(String unit, List<Double> injectedChanges, int falseAlarms, int detections) {
        double medianInjectedChange() {
            List<Double> sorted = injectedChanges.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        }
    }

    static Calibration of(Comparator comparator, List<RunMetrics> plain, List<RunMetrics> injected) {
        Map<MetricKey, Integer> alarms = new LinkedHashMap<>();
        Map<MetricKey, Integer> detections = new LinkedHashMap<>();
        Map<MetricKey, List<Double>> changes = new LinkedHashMap<>();
        Map<MetricKey, String> units = new LinkedHashMap<>();
        int aaPairs = 0;
        int aaFlagged = 0;
        for (int i = 0; i < plain.size(); i++) {
            for (int j = i + 1; j < plain.size(); j++) {
                aaPairs++;
                boolean anyFlagged = false;
                for (MetricComparison comparison : gated(comparator.compare(plain.get(i), plain.get(j)))) {
                    units.putIfAbsent(comparison.key(), comparison.unit());
                    boolean flagged = comparison.verdict() == Verdict.REGRESSED || comparison.verdict() == Verdict.IMPROVED;
                    alarms.merge(comparison.key(), flagged ? 1 : 0, Integer::sum);
                    anyFlagged |= flagged;
                }
                aaFlagged += anyFlagged ? 1 : 0;
            }
        }
        int injectedPairs = 0;
        for (RunMetrics before : plain) {
            for (RunMetrics after : injected) {
                injectedPairs++;
                for (MetricComparison comparison : gated(comparator.compare(before, after))) {
                    units.putIfAbsent(comparison.key(), comparison.unit());
                    detections.merge(comparison.key(), comparison.verdict() == Verdict.REGRESSED ? 1 : 0, Integer::sum);
                    changes.computeIfAbsent(comparison.key(), key -> new ArrayList<>()).add(comparison.change().relative());
                }
            }
        }
        Map<MetricKey, Tally> tallies = new LinkedHashMap<>();
        units.forEach((key, unit) -> tallies.put(key, new Tally(unit, changes.getOrDefault(key, List.of()),
                alarms.getOrDefault(key, 0), detections.getOrDefault(key, 0))));
        return new Calibration(tallies, aaPairs, aaFlagged, injectedPairs);
    }

    private static List<MetricComparison> gated(List<MetricComparison> comparisons) {
        return comparisons.stream().filter(comparison -> comparison.verdict() != Verdict.NOT_GATED).toList();
    }

    int falseAlarms() {
        return tallies.values().stream().mapToInt(Tally::falseAlarms).sum();
    }

    void print(PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(List.of(key.toString(), Format.percent(tally.medianInjectedChange()),
                tally.detections() + " of " + injectedPairs, tally.falseAlarms() + " of " + aaPairs)));
        ComparisonTable.printRows(out, List.of("metric", "change injected (median)", "found regressed", "A/A false alarms"), rows);
        int metricComparisons = aaPairs * tallies.size();
        out.printf("A/A: %d false alarms in %d metric comparisons (%d pairs of plain runs); %d of %d pairs would have failed the gate%n",
                falseAlarms(), metricComparisons, aaPairs, aaPairsFlagged, aaPairs);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("aa_pairs", aaPairs);
        root.put("aa_pairs_flagged", aaPairsFlagged);
        root.put("injected_pairs", injectedPairs);
        root.put("false_alarms", falseAlarms());
        ArrayNode metrics = root.putArray("metrics");
        tallies.forEach((key, tally) -> {
            ObjectNode node = metrics.addObject();
            node.put("metric", key.toString());
            node.put("unit", tally.unit());
            node.put("median_injected_change", tally.medianInjectedChange());
            node.put("found_regressed", tally.detections());
            node.put("aa_false_alarms", tally.falseAlarms());
        });
        return root;
    }
}
