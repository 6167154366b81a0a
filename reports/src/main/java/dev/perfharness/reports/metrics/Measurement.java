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

    /** JMH iteration scores, all forks. */
    record Samples(double[] values) implements Measurement {
        public Samples {
            if (values.length == 0) {
                throw new IllegalArgumentException("a metric needs at least one sample");
            }
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double point() {
            return Median.withDefaults().evaluate(values.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Samples samples && Arrays.equals(values, samples.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Samples" + Arrays.toString(values);
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
