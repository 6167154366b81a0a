package dev.perfharness.reports.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Interval histograms indexed once over their distinct values, so pooling any selection of them (all
 * of them, or a bootstrap resample with repeats) is an addition into one dense count array and a walk
 * over it, with no sorting per resample.
 */
public final class PooledIntervals {
    private final long[] distinct;
    private final int[][] bucketIndex;
    private final long[][] bucketCounts;
    private final double[] seconds;

    private PooledIntervals(List<IntervalCounts> intervals) {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("no intervals to pool");
        }
        distinct = intervals.stream().flatMapToLong(interval -> Arrays.stream(interval.values())).sorted().distinct().toArray();
        bucketIndex = new int[intervals.size()][];
        bucketCounts = new long[intervals.size()][];
        seconds = new double[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            IntervalCounts interval = intervals.get(i);
            bucketIndex[i] = new int[interval.buckets()];
            bucketCounts[i] = interval.counts();
            for (int b = 0; b < interval.buckets(); b++) {
                bucketIndex[i][b] = Arrays.binarySearch(distinct, interval.valueAt(b));
            }
            seconds[i] = interval.seconds();
        }
    }

    public static PooledIntervals of(List<IntervalCounts> intervals) {
        return new PooledIntervals(intervals);
    }

    public int size() {
        return seconds.length;
    }

    /** The statistic over every interval. */
    public double evaluate(IntervalStatistic statistic) {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return evaluate(statistic, all);
    }

    /** The statistic over as many intervals as there are, drawn with replacement. */
    public double resample(IntervalStatistic statistic, RandomGenerator random) {
        int[] chosen = new int[size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = random.nextInt(chosen.length);
        }
        return evaluate(statistic, chosen);
    }

    private double evaluate(IntervalStatistic statistic, int[] chosen) {
        long[] counts = new long[distinct.length];
        long total = 0;
        double length = 0;
        for (int interval : chosen) {
            int[] index = bucketIndex[interval];
            long[] bucket = bucketCounts[interval];
            for (int b = 0; b < index.length; b++) {
                counts[index[b]] += bucket[b];
                total += bucket[b];
            }
            length += seconds[interval];
        }
        return statistic.of(distinct, counts, total, length);
    }
}
