package dev.perfharness.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class GateFilesTest {
    private static final String AWKWARD_CLAIM = "p99 < 1 ms & \"fast\" | always\u0001";

    @TempDir
    Path run;
    private GateResult result;

    @BeforeEach
    void writeFiles() throws Exception {
        List<TargetResult> targets = List.of(
                GateFixtures.result(GateFixtures.target("holds", AWKWARD_CLAIM, true), TargetVerdict.HOLDS),
                GateFixtures.result("missed", true, TargetVerdict.DOES_NOT_HOLD),
                GateFixtures.result("unclear", true, TargetVerdict.UNCLEAR),
                GateFixtures.result("advisory-miss", false, TargetVerdict.DOES_NOT_HOLD),
                GateFixtures.result("elsewhere", true, TargetVerdict.NOT_MEASURED),
                GateFixtures.result("ambiguous", false, TargetVerdict.INVALID));
        result = new GateResult(run, "main", 0.99, targets, List.of(GateFixtures.comparison("score", Verdict.REGRESSED),
                GateFixtures.comparison("gc.alloc.rate.norm", Verdict.UNCHANGED), GateFixtures.comparison("listings", Verdict.NOT_GATED)));
        GateFiles.write(run, result);
    }

    @Test
    void theJunitFileHasOneTestCasePerTargetWithItsOutcome() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve(GateFiles.JUNIT_FILE).toFile());

        List<Element> suites = elements(xml.getDocumentElement().getElementsByTagName("testsuite"));
        assertThat(suites).hasSize(2);
        Element targets = suites.getFirst();
        assertThat(targets.getAttribute("tests")).isEqualTo("6");
        assertThat(targets.getAttribute("failures")).isEqualTo("2");
        assertThat(targets.getAttribute("errors")).isEqualTo("1");
        assertThat(targets.getAttribute("skipped")).isEqualTo("2");
        List<Element> cases = elements(targets.getElementsByTagName("testcase"));
        assertThat(cases).extracting(testCase -> testCase.getAttribute("name").split(":")[0])
                .containsExactly("holds", "missed", "unclear", "advisory-miss", "elsewhere", "ambiguous");
        assertThat(cases.get(0).getAttribute("name")).isEqualTo("holds: p99 < 1 ms & \"fast\" | always");
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo("own-targets.yaml");
        assertThat(outcome(cases.get(0))).isEqualTo("system-out");
        assertThat(outcome(cases.get(1))).isEqualTo("failure");
        assertThat(outcome(cases.get(2))).isEqualTo("failure");
        assertThat(outcome(cases.get(3))).isEqualTo("skipped");
        assertThat(message(cases.get(3))).startsWith("advisory, does not hold: after vs before <= -50.0 %");
        assertThat(outcome(cases.get(4))).isEqualTo("skipped");
        assertThat(message(cases.get(4))).startsWith("not measured here: ").contains("no jmh result");
        assertThat(outcome(cases.get(5))).isEqualTo("error");
        assertThat(message(cases.get(5))).contains("2 metrics match");
    }

    @Test
    void theJunitFileListsEveryGatedComparisonAndFailsTheRegressions() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve(GateFiles.JUNIT_FILE).toFile());

        Element regressions = elements(xml.getDocumentElement().getElementsByTagName("testsuite")).get(1);
        assertThat(regressions.getAttribute("name")).isEqualTo("perf-harness regressions against main");
        assertThat(regressions.getAttribute("tests")).isEqualTo("2");
        assertThat(regressions.getAttribute("failures")).isEqualTo("1");
        List<Element> cases = elements(regressions.getElementsByTagName("testcase"));
        assertThat(outcome(cases.get(0))).isEqualTo("failure");
        assertThat(message(cases.get(0))).startsWith("regressed +30.0 %");
        assertThat(outcome(cases.get(1))).isNull();
    }

    @Test
    void theJsonFileHasEveryTargetAndTheExitCode() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run.resolve(GateFiles.JSON_FILE).toFile());

        assertThat(json.path("exit_code").asInt()).isEqualTo(2);
        assertThat(json.path("verdict").asText()).isEqualTo("cannot evaluate");
        assertThat(json.path("baseline").asText()).isEqualTo("main");
        List<String> ids = new ArrayList<>();
        json.path("targets").forEach(target -> ids.add(target.path("id").asText()));
        assertThat(ids).containsExactly("holds", "missed", "unclear", "advisory-miss", "elsewhere", "ambiguous");
        JsonNode holds = json.path("targets").get(0);
        assertThat(holds.path("claim").asText()).isEqualTo(AWKWARD_CLAIM);
        assertThat(holds.path("verdict").asText()).isEqualTo("holds");
        assertThat(holds.path("value").asDouble()).isEqualTo(-0.9);
        assertThat(holds.path("change").path("p_value").asDouble()).isEqualTo(0.001);
        JsonNode elsewhere = json.path("targets").get(4);
        assertThat(elsewhere.path("value").isNull()).isTrue();
        assertThat(elsewhere.path("reason").asText()).contains("no jmh result");
        assertThat(json.path("comparisons")).hasSize(3);
        assertThat(json.path("comparisons").get(0).path("verdict").asText()).isEqualTo("regressed");
    }

    @Test
    void theSummaryHasATableRowPerTarget() throws Exception {
        String markdown = Files.readString(run.resolve(GateFiles.SUMMARY_FILE));

        assertThat(markdown).startsWith("## perf-harness gate: CANNOT EVALUATE");
        assertThat(markdown).contains("6 targets: 1 hold, 2 do not hold, 1 unclear, 1 not measured here.");
        List<String> rows = markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| target") && !line.startsWith("| metric"))
                .toList();
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(0, 6)).extracting(row -> row.split(" \\| ")[0].substring(2))
                .containsExactly("holds", "missed", "unclear", "advisory-miss", "elsewhere", "ambiguous");
        assertThat(rows.get(0)).contains("p99 < 1 ms & \"fast\" \\| always").endsWith("| holds |");
        assertThat(rows.get(1)).endsWith("| does not hold **(fails the gate)** |");
        assertThat(rows.get(3)).endsWith("| does not hold (advisory) |");
        assertThat(rows.get(6)).startsWith("| jmh cache.CacheAsideBenchmark.hit [cache=ASIDE] score |").contains("regressed");
        assertThat(markdown).contains("### Against `main`: 1 regressed, 0 improved, 1 unchanged, 0 too noisy to tell");
    }

    @Test
    void eachFileIsReplacedWhole() throws Exception {
        GateFiles.write(run, new GateResult(run, null, 0.99, List.of(GateFixtures.result("holds", true, TargetVerdict.HOLDS)), List.of()));

        assertThat(Files.readString(run.resolve(GateFiles.SUMMARY_FILE))).startsWith("## perf-harness gate: PASSED").doesNotContain("Against");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve(GateFiles.JUNIT_FILE).toFile());
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isOne();
        try (var files = Files.list(run)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(GateFiles.JSON_FILE, GateFiles.JUNIT_FILE, GateFiles.SUMMARY_FILE);
        }
    }

    /** The element a test case holds: failure, skipped, error, system-out, or null when it holds nothing. */
    private static String outcome(Element testCase) {
        List<Element> children = children(testCase);
        assertThat(children).hasSizeLessThanOrEqualTo(1);
        return children.isEmpty() ? null : children.getFirst().getTagName();
    }

    private static String message(Element testCase) {
        return children(testCase).getFirst().getAttribute("message");
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
