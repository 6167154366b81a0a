package dev.perfharness.reports.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFileTest {
    /** The project's targets folder; Maven runs the tests in the module's folder. */
    private static final Path SEED_CLAIMS = Path.of("..", "targets", "seed-claims.yaml");
    private static final String JMH_TARGET = """
            targets:
              - id: cache-hit
                claim: A cached listing is at least half as fast again.
                metric: {source: jmh, benchmark: cache.CacheAsideBenchmark.hit, params: {trackerJobs: "100000"}, value: score}
                variants: {param: cache, before: NONE, after: ASIDE}
                comparison: relative
                op: "<="
                threshold: -0.50
            """;

    @TempDir
    Path dir;

    @Test
    void everySeedClaimLoadsAndIsAdvisory() throws Exception {
        String text = Files.readString(SEED_CLAIMS);
        long entries = Pattern.compile("(?m)^  - id: ").matcher(text).results().count();

        List<Target> targets = TargetFile.read(SEED_CLAIMS);

        assertThat(text).containsPattern("(?m)^enforce: advisory$");
        assertThat(targets).hasSize((int) entries).hasSizeGreaterThan(50);
        assertThat(targets).noneMatch(Target::required);
        assertThat(targets).allMatch(target -> target.file().equals("seed-claims.yaml") && target.seed() != null && target.quote() != null);
        assertThat(targets).filteredOn(Target::measurable).allMatch(target -> target.metric() != null && target.comparison() != null
                && target.operator() != null && !Double.isNaN(target.threshold()));
        assertThat(targets).filteredOn(target -> !target.measurable()).allMatch(target -> !target.notMeasured().isBlank());
        assertThat(targets).filteredOn(target -> target.measurable() && target.metric().jmh() && target.comparison() != Comparison.ABSOLUTE)
                .allMatch(target -> target.variants() != null);
    }

    @Test
    void anEntryIsReadWhole() throws Exception {
        Target target = TargetFile.read(write(JMH_TARGET)).getFirst();

        assertThat(target.id()).isEqualTo("cache-hit");
        assertThat(target.required()).isTrue();
        assertThat(target.metric()).isEqualTo(new MetricSelector("jmh", "cache.CacheAsideBenchmark.hit",
                java.util.Map.of("trackerJobs", "100000"), null, null, "score", null));
        assertThat(target.variants()).isEqualTo(new Target.VariantPair("cache", "NONE", "ASIDE"));
        assertThat(target.comparison()).isEqualTo(Comparison.RELATIVE);
        assertThat(target.operator()).isEqualTo(Operator.AT_MOST);
        assertThat(target.threshold()).isEqualTo(-0.50);
        assertThat(target.condition()).isEqualTo("after vs before <= -50.0 %");
    }

    @Test
    void anEntryWithNeitherMetricNorReasonIsAnError() throws Exception {
        assertError("""
                targets:
                  - id: vague
                    claim: Faster.
                """, "vague", "neither \"metric\" nor \"not_measured\"");
    }

    @Test
    void anUnknownSideIsAnError() throws Exception {
        assertError("""
                targets:
                  - id: side-target
                    claim: Fast.
                    metric: {source: gatling, scenario: DashboardPolling, side: browser, value: p99}
                    comparison: relative
                    op: "<"
                    threshold: 0
                """, "side-target", "\"browser\"");
    }

    @Test
    void aBadOperatorIsAnError() throws Exception {
        assertError(JMH_TARGET.replace("\"<=\"", "\"=<\""), "cache-hit", "\"=<\"");
    }

    @Test
    void aThresholdThatIsNoNumberIsAnError() throws Exception {
        assertError(JMH_TARGET.replace("-0.50", "half"), "cache-hit", "\"threshold\" must be a number");
    }

    @Test
    void aDuplicateIdIsAnError() throws Exception {
        assertError(JMH_TARGET + JMH_TARGET.substring(JMH_TARGET.indexOf("  - id")), "cache-hit", "appears twice");
    }

    @Test
    void anAbsoluteGatlingTargetWithoutVariantIsAnError() throws Exception {
        assertError("""
                targets:
                  - id: hit-ratio
                    claim: 80 % of requests hit the cache.
                    metric: {source: gatling, scenario: DashboardPolling, side: figure, name: cache hit ratio (active), value: value}
                    comparison: absolute
                    op: ">="
                    threshold: 0.8
                    unit: ratio
                """, "hit-ratio", "metric.variant");
    }

    @Test
    void aRelativeJmhTargetWithoutVariantsIsAnError() throws Exception {
        assertError(JMH_TARGET.replace("    variants: {param: cache, before: NONE, after: ASIDE}\n", ""), "cache-hit", "variants.param");
    }

    @Test
    void aFileWithoutTargetsOrWithABadEnforceIsAnError() throws Exception {
        Path empty = write("enforce: required\n");
        assertThatThrownBy(() -> TargetFile.read(empty)).isInstanceOf(TargetsException.class).hasMessageContaining(empty.toString());
        Path lax = write("enforce: sometimes\n" + JMH_TARGET);
        assertThatThrownBy(() -> TargetFile.read(lax)).isInstanceOf(TargetsException.class).hasMessageContaining("\"sometimes\"");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> TargetFile.read(missing)).isInstanceOf(TargetsException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void aTargetMayOverrideTheFilesEnforcement() throws Exception {
        List<Target> targets = TargetFile.read(write("enforce: advisory\n" + JMH_TARGET.replace("    comparison:", "    required: true\n    comparison:")));

        assertThat(targets.getFirst().required()).isTrue();
    }

    private void assertError(String yaml, String id, String problem) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> TargetFile.read(file))
                .isInstanceOf(TargetsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(id)
                .hasMessageContaining(problem);
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "targets", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
