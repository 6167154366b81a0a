package dev.perfharness.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.reports.metrics.Measurement;
import org.junit.jupiter.api.Test;

class ForkBootstrapTest {
    private final ForkBootstrap bootstrap = new ForkBootstrap(0.99, 1000, 7);
    private final ChangeEstimator estimator = new ChangeEstimator(0.99);

    /** Five iterations around {@code centre}, ±0.5 %. */
    private static double[] fork(double centre) {
        return new double[] {centre * 0.995, centre * 0.9975, centre, centre * 1.0025, centre * 1.005};
    }

    @Test
    void forksThatDisagreeWidenTheIntervalBeyondWhatIterationsAloneGive() {
        // Same code twice, but each run's two forks landed 10 % apart (JIT, layout): an A/A pair.
        Measurement.Samples first = Measurement.Samples.ofForks(new double[][] {fork(100), fork(110)});
        Measurement.Samples second = Measurement.Samples.ofForks(new double[][] {fork(100), fork(100)});

        double[] interval = bootstrap.shiftInterval(first, second);
        Change change = estimator.between(first, second);

        assertThat(interval[0]).isLessThan(-9);
        assertThat(interval[1]).isGreaterThanOrEqualTo(0);
        assertThat(change.low()).isLessThanOrEqualTo(interval[0]);
        assertThat(change.high()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void forksThatAgreeGiveANarrowIntervalAroundARealShift() {
        Measurement.Samples before = Measurement.Samples.ofForks(new double[][] {fork(100), fork(100.5)});
        Measurement.Samples after = Measurement.Samples.ofForks(new double[][] {fork(110), fork(110.5)});

        double[] interval = bootstrap.shiftInterval(before, after);

        assertThat(interval[0]).isGreaterThan(8);
        assertThat(interval[1]).isLessThan(12);
    }

    @Test
    void theMedianIntervalOfOneSetHoldsItsMedian() {
        Measurement.Samples samples = Measurement.Samples.ofForks(new double[][] {fork(50), fork(52), fork(51)});

        double[] interval = bootstrap.medianInterval(samples);

        assertThat(interval[0]).isLessThanOrEqualTo(samples.point());
        assertThat(interval[1]).isGreaterThanOrEqualTo(samples.point());
        assertThat(interval[0]).isGreaterThanOrEqualTo(49);
        assertThat(interval[1]).isLessThanOrEqualTo(53);
    }
}
