package dev.perfharness.reports.stats;

import dev.perfharness.reports.metrics.Measurement;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Median;

/**
 * An interval for the shift between two sets of JMH samples that respects where their variance lives:
 * forks are resampled first, then iterations within each chosen fork (a two-level bootstrap, as Kalibera
 * and Jones recommend for benchmarks). Iterations of one fork share its JIT decisions and memory layout,
 * so treating them as independent, as a rank test over all iterations does, is overconfident whenever
 * forks disagree; this interval widens instead.
 */
final class ForkBootstrap {
    private final double confidence;
    private final int resamples;
    private final long seed;

    ForkBootstrap(double confidence, int resamples, long seed) {
        this.confidence = confidence;
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * The interval for median(current) - median(baseline), as {low, high}. Where the baseline is positive it
     * is the interval of the ratio of medians, scaled by the baseline's median: a time cannot fall by more
     * than all of it, and a difference of resampled medians would let the interval say it did.
     */
    double[] shiftInterval(Measurement.Samples baseline, Measurement.Samples current) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] before = baseline.forks();
        double[][] after = current.forks();
        double baselineMedian = baseline.point();
        boolean positive = Arrays.stream(baseline.values()).allMatch(value -> value > 0);
        double[] shifts = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double now = median(resample(after, random));
            double then = median(resample(before, random));
            shifts[r] = positive ? (now / then - 1) * baselineMedian : now - then;
        }
        return interval(shifts);
    }

    /** The interval for one set's median, as {low, high}. */
    double[] medianInterval(Measurement.Samples samples) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] forks = samples.forks();
        double[] medians = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            medians[r] = median(resample(forks, random));
        }
        return interval(medians);
    }

    private double[] interval(double[] values) {
        Arrays.sort(values);
        double tail = (1 - confidence) / 2;
        return new double[] {values[(int) Math.floor(tail * (values.length - 1))], values[(int) Math.ceil((1 - tail) * (values.length - 1))]};
    }

    private static double[] resample(double[][] forks, SplittableRandom random) {
        int total = 0;
        int[] chosen = new int[forks.length];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = random.nextInt(forks.length);
            total += forks[chosen[i]].length;
        }
        double[] values = new double[total];
        int next = 0;
        for (int fork : chosen) {
            double[] iterations = forks[fork];
            for (int i = 0; i < iterations.length; i++) {
                values[next++] = iterations[random.nextInt(iterations.length)];
            }
        }
        return values;
    }

    private static double median(double[] values) {
        return Median.withDefaults().evaluate(values);
    }
}
