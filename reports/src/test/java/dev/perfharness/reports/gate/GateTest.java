package dev.perfharness.reports.gate;

import static dev.perfharness.reports.TestRuns.flat;
import static dev.perfharness.reports.TestRuns.forks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.reports.compare.Thresholds;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.metrics.Kind;
import dev.perfharness.reports.metrics.Measurement;
import dev.perfharness.reports.metrics.Metric;
import dev.perfharness.reports.metrics.MetricKey;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.targets.TargetVerdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    private final Gate gate = new Gate(0.99, Thresholds.defaults());

    @Test
    void targetsAloneWithoutABaseline() {
        RunMetrics run = run(4000, 200);

        GateResult result = gate.evaluate(run, List.of(GateFixtures.target("cache", "cached is faster", true)), null, "ignored");

        assertThat(result.targets()).singleElement().extracting(target -> target.verdict()).isEqualTo(TargetVerdict.HOLDS);
        assertThat(result.baseline()).isNull();
        assertThat(result.comparisons()).isEmpty();
        assertThat(result.run()).isEqualTo(run.directory());
        assertThat(result.confidence()).isEqualTo(0.99);
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aRegressionAgainstTheBaselineFailsTheGate() {
        GateResult result = gate.evaluate(run(4000, 300), List.of(GateFixtures.target("cache", "cached is faster", true)),
                run(4000, 200), "main");

        assertThat(result.baseline()).isEqualTo("main");
        assertThat(result.regressions()).extracting(comparison -> comparison.key().label("cache")).containsExactly("ASIDE");
        assertThat(result.count(Verdict.REGRESSED)).isOne();
        assertThat(result.exitCode()).isOne();
    }

    private static RunMetrics run(double uncached, double cached) {
        return RunMetrics.of(Path.of("runs/x"), List.of(score("NONE", uncached, 1), score("ASIDE", cached, 2)));
    }

    private static Metric score(String cache, double center, long seed) {
        return new Metric(new MetricKey("jmh", "cache.CacheAsideBenchmark.hit", Map.of("cache", cache, "trackerJobs", "100000"), "score"),
                Kind.TIME, "us/op", new Measurement.Samples(flat(forks(center, center / 100, seed))));
    }
}
