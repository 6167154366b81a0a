package dev.perfharness.reports.stats;

import dev.perfharness.reports.metrics.Measurement;
import dev.perfharness.reports.metrics.PooledIntervals;
import java.util.Arrays;

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
    private final ForkBootstrap forkBootstrap;
    private final double confidence;

    public ChangeEstimator(double confidence) {
        this.confidence = confidence;
        this.rankShift = new RankShift(confidence);
        this.bootstrap = new IntervalBootstrap(confidence, RESAMPLES, SEED);
        this.forkBootstrap = new ForkBootstrap(confidence, RESAMPLES, SEED);
    }

    public double confidence() {
        return confidence;
    }

    /** The change from {@code baseline} to {@code current}; both must be measured the same way. */
    public Change between(Measurement baseline, Measurement current) {
        if (baseline instanceof Measurement.Samples before && current instanceof Measurement.Samples after) {
            return samples(before, after);
        }
        if (baseline instanceof Measurement.Intervals before && current instanceof Measurement.Intervals after) {
            if (!before.statistic().equals(after.statistic())) {
                throw new IllegalArgumentException("cannot compare " + before.statistic() + " with " + after.statistic());
            }
            return bootstrap.compare(PooledIntervals.of(before.intervals()), PooledIntervals.of(after.intervals()), after.statistic());
        }
        return Change.ofSingleValues(baseline.point(), current.point());
    }

    /** One measurement's value with its interval, as a change from zero. */
    public Change of(Measurement measurement) {
        return switch (measurement) {
            case Measurement.Samples samples -> medianInterval(samples);
            case Measurement.Intervals intervals -> bootstrap.estimate(PooledIntervals.of(intervals.intervals()), intervals.statistic());
            case Measurement.Single single -> Change.ofSingleValues(0, single.value());
        };
    }

    /**
     * The rank test's p-value and Hodges-Lehmann shift over every iteration, benchstat's way; the interval
     * from resampling forks and then iterations when a side has more than one fork, because the rank
     * test's own interval takes iterations of one fork for independent samples and is too narrow when
     * forks disagree. A change counts only when the test and the interval agree.
     */
    private Change samples(Measurement.Samples before, Measurement.Samples after) {
        Change ranked = rankShift.compare(before.values(), after.values());
        if (before.forkSizes().length < 2 && after.forkSizes().length < 2) {
            return positive(before) && positive(after) ? ratioInterval(ranked, before, after) : ranked;
        }
        double[] interval = forkBootstrap.shiftInterval(before, after);
        return new Change(ranked.baseline(), ranked.current(), ranked.shift(), Math.min(interval[0], ranked.shift()),
                Math.max(interval[1], ranked.shift()), ranked.pValue(), confidence,
                "Mann-Whitney U, Hodges-Lehmann shift, interval by resampling forks", ranked.baseCount(), ranked.currentCount());
    }

    /**
     * The rank test's interval taken over logarithms, so it is an interval of the ratio after over before
     * (a time cannot fall by more than all of it), given back as shifts of the baseline's median.
     */
    private Change ratioInterval(Change ranked, Measurement.Samples before, Measurement.Samples after) {
        Change logs = rankShift.compare(logs(before.values()), logs(after.values()));
        double scale = ranked.baseline();
        return new Change(ranked.baseline(), ranked.current(), ranked.shift(), Math.min((Math.exp(logs.low()) - 1) * scale, ranked.shift()),
                Math.max((Math.exp(logs.high()) - 1) * scale, ranked.shift()), ranked.pValue(), ranked.confidence(),
                ranked.method() + ", interval of the ratio", ranked.baseCount(), ranked.currentCount());
    }

    private static boolean positive(Measurement.Samples samples) {
        return Arrays.stream(samples.values()).allMatch(value -> value > 0);
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    /** The samples' median with an interval from resampling forks, then iterations. */
    private Change medianInterval(Measurement.Samples samples) {
        double median = samples.point();
        if (samples.values().length < 2) {
            return Change.ofSingleValues(0, median, "one sample", 0, 1);
        }
        double[] interval = forkBootstrap.medianInterval(samples);
        return new Change(0, median, median, interval[0], interval[1], Double.NaN, confidence, "bootstrap of the median over forks and iterations",
                0, samples.values().length);
    }
}
