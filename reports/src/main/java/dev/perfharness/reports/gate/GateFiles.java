package dev.perfharness.reports.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.profiles.AtomicFiles;
import dev.perfharness.reports.Format;
import dev.perfharness.reports.compare.ComparisonJson;
import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.targets.Target;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The gate's three files in the run directory, each written whole or not at all: {@code gate.json} for
 * tools, {@code gate.junit.xml} (one test case per target, so any CI lists them) and {@code summary.md}
 * for a CI job's page.
 */
public final class GateFiles {
    public static final String JSON_FILE = "gate.json";
    public static final String JUNIT_FILE = "gate.junit.xml";
    public static final String SUMMARY_FILE = "summary.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GateFiles() {
    }

    public static void write(Path directory, GateResult result) throws IOException {
        AtomicFiles.write(directory.resolve(JSON_FILE), JSON.writeValueAsBytes(json(result)));
        AtomicFiles.writeString(directory.resolve(JUNIT_FILE), junit(result));
        AtomicFiles.writeString(directory.resolve(SUMMARY_FILE), markdown(result));
    }

    static ObjectNode json(GateResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", result.run().toString());
        root.put("baseline", result.baseline());
        root.put("verdict", result.headline().toLowerCase(Locale.ROOT));
        root.put("exit_code", result.exitCode());
        root.put("confidence", result.confidence());
        ArrayNode targets = root.putArray("targets");
        for (TargetResult outcome : result.targets()) {
            Target target = outcome.target();
            ObjectNode node = targets.addObject();
            node.put("id", target.id());
            node.put("file", target.file());
            node.put("seed", target.seed());
            node.put("line", target.line());
            node.put("quote", target.quote());
            node.put("claim", target.claim());
            node.put("required", target.required());
            node.put("metric", target.metric() == null ? null : target.metric().toString());
            node.put("condition", target.measurable() ? target.condition() : null);
            ComparisonJson.number(node, "value", outcome.value());
            ComparisonJson.number(node, "low", outcome.low());
            ComparisonJson.number(node, "high", outcome.high());
            if (outcome.change() != null) {
                ComparisonJson.change(node.putObject("change"), outcome.change());
            }
            node.put("verdict", outcome.verdict().label());
            node.put("reason", outcome.reason());
            node.put("note", target.note());
        }
        root.set("comparisons", ComparisonJson.of(JSON, result.comparisons()));
        return root;
    }

    static String junit(GateResult result) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        List<TargetResult> targets = result.targets();
        long failures = targets.stream().filter(TargetResult::fails).count();
        long skipped = targets.stream().filter(t -> !t.fails() && t.verdict() != TargetVerdict.HOLDS).count();
        long errors = result.count(TargetVerdict.INVALID);
        xml.append("<testsuites>\n");
        xml.append(String.format("  <testsuite name=\"perf-harness targets\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\">%n",
                targets.size(), failures, errors, skipped - errors));
        for (TargetResult outcome : targets) {
            Target target = outcome.target();
            xml.append(String.format("    <testcase classname=\"%s\" name=\"%s\">%n", escape(target.file()), escape(target.id() + ": " + target.claim())));
            String detail = (target.measurable() ? target.condition() + "; measured " + Measured.of(outcome) : "")
                    + (outcome.reason() == null ? "" : " " + outcome.reason());
            switch (outcome.verdict()) {
                case HOLDS -> xml.append("      <system-out>").append(escape(detail)).append("</system-out>\n");
                case INVALID -> xml.append("      <error message=\"").append(escape(detail)).append("\"/>\n");
                default -> {
                    String tag = outcome.fails() ? "failure" : "skipped";
                    String prefix = outcome.fails() ? "" : (target.required() ? "" : "advisory, ") + outcome.verdict().label() + ": ";
                    xml.append("      <").append(tag).append(" message=\"").append(escape(prefix + detail)).append("\"/>\n");
                }
            }
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n");
        List<MetricComparison> gated = result.comparisons().stream().filter(c -> c.verdict() != Verdict.NOT_GATED).toList();
        if (result.baseline() != null) {
            xml.append(String.format("  <testsuite name=\"perf-harness regressions against %s\" tests=\"%d\" failures=\"%d\">%n",
                    escape(result.baseline()), gated.size(), result.regressions().size()));
            for (MetricComparison comparison : gated) {
                xml.append(String.format("    <testcase classname=\"%s %s\" name=\"%s\">%n", escape(comparison.key().source()),
                        escape(comparison.key().subject()), escape(comparison.key().toString())));
                if (comparison.verdict() == Verdict.REGRESSED) {
                    xml.append("      <failure message=\"").append(escape("regressed " + Format.percent(comparison.change().relative())
                            + " (p " + String.format(Locale.ROOT, "%.3g", comparison.change().pValue()) + ")")).append("\"/>\n");
                }
                xml.append("    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        return xml.toString();
    }

    static String markdown(GateResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## perf-harness gate: ").append(result.headline()).append("\n\n");
        md.append(String.format("Run `%s`%s. Intervals are %s confidence intervals.%n%n", result.run().getFileName(),
                result.baseline() == null ? ", no baseline" : ", against baseline `" + result.baseline() + "`", GateTable.percent(result.confidence())));
        md.append(String.format("%d targets: %d hold, %d do not hold, %d unclear, %d not measured here.%n%n", result.targets().size(),
                result.count(TargetVerdict.HOLDS), result.count(TargetVerdict.DOES_NOT_HOLD), result.count(TargetVerdict.UNCLEAR),
                result.count(TargetVerdict.NOT_MEASURED)));
        md.append("| target | claim | condition | measured | verdict |\n|---|---|---|---|---|\n");
        for (TargetResult outcome : result.targets()) {
            Target target = outcome.target();
            String verdict = outcome.verdict().label() + (outcome.fails() ? " **(fails the gate)**" : target.required() ? "" : " (advisory)");
            String measured = outcome.reason() != null ? Measured.of(outcome) + " " + outcome.reason() : Measured.of(outcome);
            md.append("| ").append(cell(target.id())).append(" | ").append(cell(target.claim())).append(" | ")
                    .append(cell(target.measurable() ? target.condition() : "-")).append(" | ").append(cell(measured)).append(" | ")
                    .append(cell(verdict)).append(" |\n");
        }
        if (result.baseline() != null) {
            md.append(String.format("%n### Against `%s`: %d regressed, %d improved, %d unchanged, %d too noisy to tell%n%n", result.baseline(),
                    result.count(Verdict.REGRESSED), result.count(Verdict.IMPROVED), result.count(Verdict.UNCHANGED), result.count(Verdict.TOO_NOISY)));
            List<MetricComparison> changed = result.comparisons().stream()
                    .filter(c -> c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.IMPROVED).toList();
            if (!changed.isEmpty()) {
                md.append("| metric | baseline | current | change | verdict |\n|---|---|---|---|---|\n");
                for (MetricComparison comparison : changed) {
                    md.append("| ").append(cell(comparison.key().toString())).append(" | ").append(Format.number(comparison.change().baseline()))
                            .append(" | ").append(Format.number(comparison.change().current())).append(' ').append(cell(comparison.unit()))
                            .append(" | ").append(Format.percent(comparison.change().relative())).append(" | ")
                            .append(comparison.verdict().label()).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
