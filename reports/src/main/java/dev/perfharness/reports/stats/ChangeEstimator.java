package dev.perfharness.reports.stats;

import dev.perfharness.reports.metrics.Measurement;
import dev.perfharness.reports.metrics.PooledIntervals;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the statistics a pair of measurements allows: the rank test for JMH samples, the bootstrap for
 * interval histograms, a bare difference for single figures and for a log of one interval (marked as
 * such, with no interval). The same estimator serves a run against its baseline and a run's before
 * variant against its after.
 */
public final class ChangeEstimator {
    public static final double DEFAULT_CONFIDENCE = 0.99;
    private static final int RESAMPLES = 1000;
    private static final long SEED = 0x5eed_9a7eL;

    private final RankShift rankShift;
    private final IntervalBootstrap bootstrap;
    private final double confidence;

    public ChangeEstimator(double confidence) {
        this.confidence = confidence;
        this.rankShift = new RankShift(confidence);
        this.bootstrap = new IntervalBootstrap(confidence, RESAMPLES, SEED);
    }

    public double confidence() {
        return confidence;
    }

    /** The change from {@code baseline} to {@code current}; both must be measured the same way. */
    public Change between(Measurement baseline, Measurement current) {
        if (baseline instanceof Measurement.Samples before && current instanceof Measurement.Samples after) {
            return rankShift.compare(before.values(), after.values());
        }
        if (baseline instanceof Measurement.Intervals before && current instanceof Measurement.Intervals after) {
            if (!before.statistic().equals(after.statistic())) {
                throw new IllegalArgumentException("cannot compare " + before.statistic() + " with " + after.statistic());
            }
            if (before.intervals().size() < 2 || after.intervals().size() < 2) {
                // One histogram for a whole leg (the service's own log): resampling it says nothing about noise.
                return Change.ofSingleValues(before.point(), after.point());
            }
            return bootstrap.compare(PooledIntervals.of(before.intervals()), PooledIntervals.of(after.intervals()), after.statistic());
        }
        return Change.ofSingleValues(baseline.point(), current.point());
    }

    /** One measurement's value with its interval, as a change from zero. */
    public Change of(Measurement measurement) {
        return switch (measurement) {
            case Measurement.Samples samples -> medianInterval(samples.values());
            case Measurement.Intervals intervals -> intervals.intervals().size() < 2 ? Change.ofSingleValues(0, intervals.point())
                    : bootstrap.estimate(PooledIntervals.of(intervals.intervals()), intervals.statistic());
            case Measurement.Single single -> Change.ofSingleValues(0, single.value());
        };
    }

    /** A bootstrap interval of the samples' median. */
    private Change medianInterval(double[] values) {
        double median = new Measurement.Samples(values).point();
        if (values.length < 2) {
            return new Change(0, median, median, median, median, Double.NaN, Double.NaN, "one sample", 0, 1);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[values.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < resample.length; i++) {
                resample[i] = values[random.nextInt(values.length)];
            }
            medians[r] = new Measurement.Samples(resample).point();
        }
        Arrays.sort(medians);
        double tail = (1 - confidence) / 2;
        return new Change(0, median, median, medians[(int) Math.floor(tail * (RESAMPLES - 1))],
                medians[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))], Double.NaN, confidence, "bootstrap of the median", 0, values.length);
    }
}
