package dev.perfharness.reports.metrics;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Median;

/**
 * The data behind a metric, in the form its statistics need: JMH's samples (every iteration of every
 * fork), a series of interval histograms for a percentile or a rate (resampled by the bootstrap), or a
 * single figure that has no distribution at all.
 */
public sealed interface Measurement {
    /** The metric's value: the samples' median, the statistic over all intervals, or the figure. */
    double point();

    /**
     * JMH iteration scores of all forks, fork after fork: {@code forkSizes} says how many iterations each
     * fork gave, since run-to-run variance lives between forks (JMHSample_13) and an honest interval must
     * resample forks, not only iterations.
     */
    record Samples(double[] values, int[] forkSizes) implements Measurement {
        public Samples {
            if (values.length == 0) {
                throw new IllegalArgumentException("a metric needs at least one sample");
            }
            if (Arrays.stream(forkSizes).sum() != values.length || Arrays.stream(forkSizes).anyMatch(size -> size <= 0)) {
                throw new IllegalArgumentException("fork sizes " + Arrays.toString(forkSizes) + " do not add up to " + values.length + " samples");
            }
            values = values.clone();
            forkSizes = forkSizes.clone();
        }

        /** Samples of one fork. */
        public Samples(double[] values) {
            this(values, new int[] {values.length});
        }

        /** Samples fork by fork. */
        public static Samples ofForks(double[][] forks) {
            return new Samples(Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray(),
                    Arrays.stream(forks).mapToInt(fork -> fork.length).toArray());
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public int[] forkSizes() {
            return forkSizes.clone();
        }

        public double[][] forks() {
            double[][] forks = new double[forkSizes.length][];
            int start = 0;
            for (int fork = 0; fork < forks.length; fork++) {
                forks[fork] = Arrays.copyOfRange(values, start, start + forkSizes[fork]);
                start += forkSizes[fork];
            }
            return forks;
        }

        @Override
        public double point() {
            return Median.withDefaults().evaluate(values.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Samples samples && Arrays.equals(values, samples.values) && Arrays.equals(forkSizes, samples.forkSizes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(forkSizes);
        }

        @Override
        public String toString() {
            return "Samples" + Arrays.deepToString(forks());
        }
    }

    /** A percentile or a rate over interval histograms (one per second of a Gatling leg, say). */
    record Intervals(List<IntervalCounts> intervals, IntervalStatistic statistic) implements Measurement {
        public Intervals {
            if (intervals.isEmpty()) {
                throw new IllegalArgumentException("a metric needs at least one interval");
            }
            intervals = List.copyOf(intervals);
        }

        @Override
        public double point() {
            return statistic.of(intervals);
        }
    }

    /** A figure measured once (a hit ratio, heap per connection): no interval can be given for it. */
    record Single(double value) implements Measurement {
        @Override
        public double point() {
            return value;
        }
    }
}
