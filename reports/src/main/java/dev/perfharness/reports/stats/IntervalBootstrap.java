package dev.perfharness.reports.stats;

import dev.perfharness.reports.metrics.IntervalStatistic;
import dev.perfharness.reports.metrics.PooledIntervals;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;

/**
 * Confidence intervals for a percentile or a rate of a latency log by resampling its interval histograms
 * (one per second): a block bootstrap, which keeps the correlation within a second that resampling single
 * requests would pretend away. The two sides are resampled independently; the shift's interval is the
 * percentile interval of the resampled differences and the p-value is twice the share of differences on
 * the far side of zero. A fixed seed makes the same data give the same verdict.
 */
public final class IntervalBootstrap {
    /** Fewer intervals than this are compared as single values. */
    static final int MIN_INTERVALS = 5;

    private final double confidence;
    private final int resamples;
    private final long seed;

    public IntervalBootstrap(double confidence, int resamples, long seed) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level lies between 0 and 1, not " + confidence);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap needs 100 resamples at least, not " + resamples);
        }
        this.confidence = confidence;
        this.resamples = resamples;
        this.seed = seed;
    }

    public Change compare(PooledIntervals baseline, PooledIntervals current, IntervalStatistic statistic) {
        double before = baseline.evaluate(statistic);
        double after = current.evaluate(statistic);
        if (Math.min(baseline.size(), current.size()) < MIN_INTERVALS) {
            return tooFewIntervals(before, after, baseline.size(), current.size());
        }
        RandomGenerator random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        int atOrBelowZero = 0;
        int atOrAboveZero = 0;
        // As ForkBootstrap: the ratio of the resampled statistics, scaled by the baseline's, where the baseline is positive.
        boolean ratio = before > 0;
        for (int r = 0; r < resamples; r++) {
            double now = current.resample(statistic, random);
            double then = baseline.resample(statistic, random);
            double difference = ratio && then > 0 ? (now / then - 1) * before : now - then;
            differences[r] = difference;
            atOrBelowZero += difference <= 0 ? 1 : 0;
            atOrAboveZero += difference >= 0 ? 1 : 0;
        }
        Arrays.sort(differences);
        double pValue = Math.min(1.0, Math.max(1.0 / resamples, 2.0 * Math.min(atOrBelowZero, atOrAboveZero) / resamples));
        return new Change(before, after, after - before, quantile(differences, (1 - confidence) / 2),
                quantile(differences, 1 - (1 - confidence) / 2), pValue, confidence, "bootstrap over interval histograms",
                baseline.size(), current.size());
    }

    /** The interval of one series' statistic, for an absolute target: the shift from 0 is the value itself. */
    public Change estimate(PooledIntervals series, IntervalStatistic statistic) {
        double value = series.evaluate(statistic);
        if (series.size() < MIN_INTERVALS) {
            return tooFewIntervals(0, value, 0, series.size());
        }
        RandomGenerator random = new SplittableRandom(seed);
        double[] resampled = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            resampled[r] = series.resample(statistic, random);
        }
        Arrays.sort(resampled);
        return new Change(0, value, value, quantile(resampled, (1 - confidence) / 2), quantile(resampled, 1 - (1 - confidence) / 2),
                Double.NaN, confidence, "bootstrap over interval histograms", 0, series.size());
    }

    /**
     * Resampling a handful of intervals gives a handful of distinct values: an interval from them would
     * look certain and mean nothing. The figures are then compared as single values, and say so.
     */
    private static Change tooFewIntervals(double before, double after, int baseCount, int currentCount) {
        return Change.ofSingleValues(before, after, "single values: too few intervals for a bootstrap ("
                + Math.min(baseCount == 0 ? currentCount : baseCount, currentCount) + ", " + MIN_INTERVALS + " needed)", baseCount, currentCount);
    }

    private static double quantile(double[] sorted, double probability) {
        int index = (int) Math.floor(probability * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
