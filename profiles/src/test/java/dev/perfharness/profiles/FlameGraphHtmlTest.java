package dev.perfharness.profiles;

import static dev.perfharness.profiles.ProfileDiffTest.stacks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameGraphHtmlTest {
    private static final String HOSTILE = "</script><script>alert(1)</script><!--";
    private static final Pattern DATA = Pattern.compile(
            "<script id=\"flame-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final ProfileDiff diff = ProfileDiff.of(stacks("base", "a;b", 10, "a;c", 30),
            stacks("new", "a;b", 40, "a;c", 40));

    @Test
    void thePageInlinesBothVendoredScriptsAndFetchesNothing() throws Exception {
        String page = FlameGraphHtml.diffPage(diff, "t");
        String d3 = vendored(FlameGraphHtml.D3);
        String flameGraph = vendored(FlameGraphHtml.FLAME_GRAPH);

        assertThat(page).contains("<script>" + d3 + "</script>").contains("<script>" + flameGraph + "</script>");
        assertThat(page).doesNotContainIgnoringCase("<link").doesNotContain("@import")
                .doesNotContainPattern("(?i)src\\s*=\\s*[\"']?\\s*(https?:)?//");
        // d3 defines d3.json() and friends on top of fetch(); the page's own code must never call any of them.
        String ownCode = page.replace(d3, "").replace(flameGraph, "");
        assertThat(ownCode).doesNotContain("http").doesNotContain("fetch").doesNotContain("XMLHttpRequest")
                .doesNotContain("d3.json").doesNotContain("import(");
    }

    @Test
    void theDiffTreeCarriesNewWidthsAndEachFramesOwnChange() throws Exception {
        JsonNode model = model(FlameGraphHtml.diffPage(diff, "t"));

        assertThat(model.path("differential").asBoolean()).isTrue();
        JsonNode root = model.path("tree");
        assertThat(root.path("name").asText()).isEqualTo("all");
        assertThat(root.path("value").asLong()).isEqualTo(80);
        JsonNode a = root.path("children").get(0);
        assertThat(a.path("delta").asDouble()).isZero();
        assertThat(a.path("children")).hasSize(2);
        assertThat(a.path("children").get(0).path("name").asText()).isEqualTo("b");
        assertThat(a.path("children").get(0).path("value").asLong()).isEqualTo(40);
        assertThat(a.path("children").get(0).path("delta").asDouble()).isEqualTo(20.0);
        assertThat(a.path("children").get(1).path("delta").asDouble()).isEqualTo(-20.0);
    }

    @Test
    void aStackOnlyTheBaseHasLeavesItsLossOnItsDeepestFrameStillDrawn() throws Exception {
        ProfileDiff gone = ProfileDiff.of(stacks("base", "a;b", 10, "a;x;y", 10), stacks("new", "a;b", 20));

        JsonNode a = model(FlameGraphHtml.diffPage(gone, "t")).path("tree").path("children").get(0);

        assertThat(a.path("name").asText()).isEqualTo("a");
        assertThat(a.path("delta").asDouble()).isEqualTo(-10.0);
        assertThat(a.path("children")).hasSize(1);
    }

    @Test
    void aFrameNameCannotEndTheScriptOrStartMarkup() throws Exception {
        String page = FlameGraphHtml.diffPage(ProfileDiff.of(stacks("base", "main;" + HOSTILE, 1),
                stacks("new", "main;" + HOSTILE + "\u2028&", 1)), "t");

        // One </script> each for the data, d3, d3-flame-graph and the page's code; nothing more.
        assertThat(Pattern.compile("(?i)</script").matcher(page).results().count()).isEqualTo(4);
        assertThat(page).doesNotContain("<!--");
        Matcher data = DATA.matcher(page);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).doesNotContain("\u2028").contains("\\u2028").contains("\\u003C/script\\u003E");
        JsonNode main = model(page).path("tree").path("children").get(0);
        assertThat(main.path("children").get(0).path("name").asText()).isEqualTo(HOSTILE + "\u2028&");
        // The summary table shows the frame as text.
        assertThat(page).contains("&lt;/script&gt;&lt;script&gt;alert(1)");
    }

    @Test
    void theTitleAndSourcesAreEscaped() {
        String page = FlameGraphHtml.diffPage(ProfileDiff.of(stacks("<base>", "a", 1), stacks("new & then", "a", 2)),
                "List<String> vs ArrayList<String>");

        assertThat(page).contains("<title>List&lt;String&gt; vs ArrayList&lt;String&gt;</title>")
                .contains("&lt;base&gt;").contains("new &amp; then").doesNotContain("List<String>");
    }

    @Test
    void thePageShowsBothTotalsTheNormalizationAndALegend() {
        String page = FlameGraphHtml.diffPage(diff, "t");

        assertThat(page).contains("base &mdash; 40 samples").contains("new &mdash; 80 samples")
                .contains("base counts &times; 2.0000").contains("red: grew").contains("blue: shrank")
                .contains("computeDelta(true)").contains("flamegraph.colorMapper.differentialColorMapper");
    }

    @Test
    void aSingleProfilePageHasNoDeltas() throws Exception {
        Path file = dir.resolve("single.html");

        FlameGraphHtml.writeSingle(stacks("one", "a;b", 3, "a;c", 1), "one profile", file);

        JsonNode model = model(Files.readString(file));
        assertThat(model.path("differential").asBoolean()).isFalse();
        assertThat(model.path("tree").path("value").asLong()).isEqualTo(4);
        assertThat(model.path("tree").findValues("delta")).isEmpty();
    }

    private static JsonNode model(String page) throws Exception {
        Matcher data = DATA.matcher(page);
        assertThat(data.find()).as("the page embeds its data").isTrue();
        return new ObjectMapper().readTree(data.group(1));
    }

    private static String vendored(String name) throws Exception {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
