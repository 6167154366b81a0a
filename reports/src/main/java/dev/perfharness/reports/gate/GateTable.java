package dev.perfharness.reports.gate;

import dev.perfharness.reports.compare.ComparisonTable;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The gate's claim-by-claim table for a terminal, then the regressions against the baseline. */
public final class GateTable {
    private GateTable() {
    }

    public static void print(PrintWriter out, GateResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (TargetResult target : result.targets()) {
            rows.add(List.of(target.target().id(), target.target().required() ? "required" : "advisory",
                    target.target().measurable() ? target.target().condition() : "-", Measured.of(target), target.verdict().label()));
        }
        out.printf("Targets (%d): %d hold, %d do not hold, %d unclear, %d not measured here%n", result.targets().size(),
                result.count(TargetVerdict.HOLDS),
                result.count(TargetVerdict.DOES_NOT_HOLD),
                result.count(TargetVerdict.UNCLEAR),
                result.count(TargetVerdict.NOT_MEASURED));
        ComparisonTable.printRows(out, List.of("target", "gates", "condition", "measured [" + percent(result.confidence()) + " interval]", "verdict"), rows);
        List<TargetResult> explained = result.targets().stream().filter(target -> target.reason() != null).toList();
        if (!explained.isEmpty()) {
            out.println("Why not measured or not evaluated:");
            explained.forEach(target -> out.printf("  %s: %s%n", target.target().id(), target.reason()));
        }
        if (result.baseline() != null) {
            out.printf("%nAgainst baseline %s:%n", result.baseline());
            ComparisonTable.print(out, result.comparisons(), false);
        }
        out.printf("%ngate: %s", result.headline());
        if (!result.failedTargets().isEmpty()) {
            out.printf("; required targets missed: %s", String.join(", ", result.failedTargets().stream().map(t -> t.target().id()).toList()));
        }
        if (!result.regressions().isEmpty()) {
            out.printf("; %d regressions%s", result.regressions().size(), result.regressionsFail() ? "" : " (reported, not failing: --regressions warn)");
        }
        out.println();
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }
}
