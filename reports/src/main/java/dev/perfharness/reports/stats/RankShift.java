package dev.perfharness.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Compares two sets of JMH samples the way Go's benchstat does, without assuming a distribution: the
 * Mann-Whitney U test (Apache Commons Statistics) for the p-value, the Hodges-Lehmann estimate for the
 * shift (the median of every pairwise difference, current minus baseline), and the distribution-free
 * confidence interval for that shift that inverts the same test (Moses; Hollander and Wolfe, ch. 4):
 * the k-th smallest and k-th largest pairwise differences, with k from the U statistic's critical value.
 */
public final class RankShift {
    private final double confidence;
    private final double z;

    public RankShift(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level lies between 0 and 1, not " + confidence);
        }
        this.confidence = confidence;
        this.z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    public Change compare(double[] baseline, double[] current) {
        if (baseline.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("both sides need samples: " + baseline.length + " and " + current.length);
        }
        double pValue = baseline.length + current.length < 3 ? 1.0
                : MannWhitneyUTest.withDefaults().test(current, baseline).getPValue();
        if (Arrays.equals(sorted(baseline), sorted(current))) {
            // Identical samples (a deterministic figure measured twice): no change, and the test agrees.
            pValue = 1.0;
        }
        double[] differences = new double[baseline.length * current.length];
        int i = 0;
        for (double after : current) {
            for (double before : baseline) {
                differences[i++] = after - before;
            }
        }
        Arrays.sort(differences);
        double shift = Median.withDefaults().evaluate(differences.clone());
        int k = criticalRank(baseline.length, current.length);
        return new Change(median(baseline), median(current), shift, differences[k - 1], differences[differences.length - k],
                pValue, confidence, "Mann-Whitney U, Hodges-Lehmann shift", baseline.length, current.length);
    }

    /**
     * The rank k of the interval's ends among the sorted pairwise differences: the k-th smallest and the
     * k-th largest, so k - 1 are left out at each end (k is at least one: with few samples the interval is
     * the whole range of differences, at a lower confidence than asked).
     */
    int criticalRank(int m, int n) {
        double pairs = (double) m * n;
        double k = Math.floor(pairs / 2 - z * Math.sqrt(pairs * (m + n + 1) / 12.0));
        return (int) Math.max(1, k);
    }

    private static double median(double[] values) {
        return Median.withDefaults().evaluate(values.clone());
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
