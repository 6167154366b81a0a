package dev.perfharness.reports.metrics;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One interval histogram reduced to what the bootstrap needs: its non-empty buckets (each bucket's
 * highest equivalent value, as HdrHistogram reports percentiles) with their counts, and the interval's
 * length. A few hundred buckets instead of HdrHistogram's tens of thousands keep thousands of
 * resamples cheap.
 */
public record IntervalCounts(long[] values, long[] counts, double seconds) {
    public IntervalCounts {
        if (values.length != counts.length) {
            throw new IllegalArgumentException("values and counts differ in length: " + values.length + " and " + counts.length);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("an interval's length must be 0 or more seconds, not " + seconds);
        }
        values = values.clone();
        counts = counts.clone();
    }

    public static IntervalCounts of(AbstractHistogram histogram, double seconds) {
        int buckets = 0;
        for (HistogramIterationValue ignored : histogram.recordedValues()) {
            buckets++;
        }
        long[] values = new long[buckets];
        long[] counts = new long[buckets];
        int i = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            values[i] = bucket.getValueIteratedTo();
            counts[i] = bucket.getCountAtValueIteratedTo();
            i++;
        }
        return new IntervalCounts(values, counts, seconds);
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    long valueAt(int bucket) {
        return values[bucket];
    }

    long countAt(int bucket) {
        return counts[bucket];
    }

    int buckets() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalCounts that && Arrays.equals(values, that.values) && Arrays.equals(counts, that.counts)
                && seconds == that.seconds;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "IntervalCounts[" + values.length + " buckets, " + total() + " values, " + seconds + " s]";
    }
}
