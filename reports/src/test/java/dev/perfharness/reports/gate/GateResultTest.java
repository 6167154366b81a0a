package dev.perfharness.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.targets.TargetResult;
import dev.perfharness.reports.targets.TargetVerdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateResultTest {
    @Test
    void everyRequiredTargetHoldingAndNoRegressionPasses() {
        GateResult result = result(List.of(GateFixtures.result("a", true, TargetVerdict.HOLDS),
                GateFixtures.result("b", true, TargetVerdict.NOT_MEASURED)), List.of(GateFixtures.comparison("m", Verdict.IMPROVED)));

        assertThat(result.exitCode()).isEqualTo(GateResult.PASSED).isZero();
        assertThat(result.headline()).isEqualTo("PASSED");
    }

    @Test
    void aRequiredTargetThatMissesOrIsUnclearFails() {
        assertThat(result(List.of(GateFixtures.result("a", true, TargetVerdict.DOES_NOT_HOLD)), List.of()).exitCode())
                .isEqualTo(GateResult.FAILED).isOne();
        GateResult unclear = result(List.of(GateFixtures.result("a", true, TargetVerdict.UNCLEAR)), List.of());
        assertThat(unclear.exitCode()).isOne();
        assertThat(unclear.failedTargets()).extracting(target -> target.target().id()).containsExactly("a");
        assertThat(unclear.headline()).isEqualTo("FAILED");
    }

    @Test
    void anAdvisoryTargetThatMissesDoesNotFail() {
        GateResult result = result(List.of(GateFixtures.result("a", false, TargetVerdict.DOES_NOT_HOLD),
                GateFixtures.result("b", false, TargetVerdict.UNCLEAR)), List.of());

        assertThat(result.exitCode()).isZero();
        assertThat(result.failedTargets()).isEmpty();
    }

    @Test
    void aRegressionFails() {
        GateResult result = result(List.of(GateFixtures.result("a", true, TargetVerdict.HOLDS)),
                List.of(GateFixtures.comparison("m", Verdict.UNCHANGED), GateFixtures.comparison("n", Verdict.REGRESSED),
                        GateFixtures.comparison("o", Verdict.TOO_NOISY)));

        assertThat(result.exitCode()).isOne();
        assertThat(result.regressions()).extracting(comparison -> comparison.key().quantity()).containsExactly("n");
    }

    @Test
    void aTargetThatCannotBeEvaluatedOutranksAFailure() {
        GateResult result = result(List.of(GateFixtures.result("a", true, TargetVerdict.DOES_NOT_HOLD),
                GateFixtures.result("b", false, TargetVerdict.INVALID)), List.of(GateFixtures.comparison("n", Verdict.REGRESSED)));

        assertThat(result.exitCode()).isEqualTo(GateResult.CANNOT_EVALUATE).isEqualTo(2);
        assertThat(result.headline()).isEqualTo("CANNOT EVALUATE");
    }

    private static GateResult result(List<TargetResult> targets, List<MetricComparison> comparisons) {
        return new GateResult(Path.of("runs/20261125-000750"), comparisons.isEmpty() ? null : "main", 0.99, targets, comparisons);
    }
}
