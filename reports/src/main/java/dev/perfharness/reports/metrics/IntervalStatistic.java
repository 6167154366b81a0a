package dev.perfharness.reports.metrics;

import java.util.List;

/**
 * What a metric takes from interval histograms: a percentile of the pooled values, or the rate (values
 * per second over the intervals' total length). Both are computed from pooled counts, so a resample of
 * intervals and the whole series use the same arithmetic.
 */
public sealed interface IntervalStatistic {
    /** The statistic of pooled counts: {@code counts[i]} values equal to {@code values[i]} (ascending). */
    double of(long[] values, long[] counts, long total, double seconds);

    default double of(List<IntervalCounts> intervals) {
        return PooledIntervals.of(intervals).evaluate(this);
    }

    /**
     * The value at {@code percent} (0 to 100), HdrHistogram's way: the first bucket reaching that share of the count,
     * its rank computed with the same arithmetic as {@code getValueAtPercentile} (from the next double below
     * {@code percent}, times the count, over 100), so that 99.9 % of 1 000 values is the 999th and not, by
     * rounding, the 1 000th.
     */
    record Percentile(double percent) implements IntervalStatistic {
        public Percentile {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("a percentile lies in (0, 100], not " + percent);
            }
        }

        @Override
        public double of(long[] values, long[] counts, long total, double seconds) {
            if (total == 0) {
                return Double.NaN;
            }
            double below = Math.nextAfter(percent, Double.NEGATIVE_INFINITY);
            long wanted = Math.max(1, (long) Math.ceil(below * total / 100.0));
            long seen = 0;
            for (int i = 0; i < values.length; i++) {
                seen += counts[i];
                if (seen >= wanted) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    /** Values per second: requests per second for a latency log. */
    record Rate() implements IntervalStatistic {
        @Override
        public double of(long[] values, long[] counts, long total, double seconds) {
            return seconds > 0 ? total / seconds : Double.NaN;
        }
    }
}
