package dev.perfharness.reports.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.reports.stats.Change;
import java.util.List;
import java.util.Locale;

/** Comparisons as JSON, one object per metric, for tools and for the HTML report. */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    public static ArrayNode of(ObjectMapper json, List<MetricComparison> comparisons) {
        ArrayNode array = json.createArrayNode();
        for (MetricComparison comparison : comparisons) {
            ObjectNode node = array.addObject();
            node.put("metric", comparison.key().toString());
            node.put("source", comparison.key().source());
            node.put("subject", comparison.key().subject());
            ObjectNode labels = node.putObject("labels");
            comparison.key().labels().forEach(labels::put);
            node.put("quantity", comparison.key().quantity());
            node.put("kind", comparison.kind().name().toLowerCase(Locale.ROOT));
            node.put("unit", comparison.unit());
            change(node.putObject("change"), comparison.change());
            if (comparison.threshold() != null) {
                node.putObject("threshold").put("relative", comparison.threshold().relative()).put("absolute", comparison.threshold().absolute());
            }
            node.put("verdict", comparison.verdict().label());
        }
        return array;
    }

    /** A change's figures; NaN (no p-value, no interval) becomes null. */
    public static void change(ObjectNode node, Change change) {
        number(node, "baseline", change.baseline());
        number(node, "current", change.current());
        number(node, "shift", change.shift());
        number(node, "low", change.low());
        number(node, "high", change.high());
        number(node, "relative", change.relative());
        number(node, "relative_low", change.relativeLow());
        number(node, "relative_high", change.relativeHigh());
        number(node, "p_value", change.pValue());
        number(node, "confidence", change.confidence());
        node.put("method", change.method());
        node.put("baseline_samples", change.baseCount());
        node.put("current_samples", change.currentCount());
    }

    public static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
