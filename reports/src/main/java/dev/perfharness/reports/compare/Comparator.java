package dev.perfharness.reports.compare;

import dev.perfharness.reports.metrics.Kind;
import dev.perfharness.reports.metrics.Metric;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.Change;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares every metric present in both a baseline and a run and gives each a verdict:
 * <ul>
 *   <li><b>improved</b> or <b>regressed</b>: the change is significant (p below 1 - confidence, and the
 *       interval excludes no change) and its estimate passes the kind's threshold;</li>
 *   <li><b>unchanged</b>: the whole confidence interval lies within the threshold;</li>
 *   <li><b>too noisy to tell</b>: neither, so the data cannot rule a material change in or out.</li>
 * </ul>
 * A single figure (a hit ratio, heap per connection, failed requests) has no interval: it is judged by its
 * threshold alone, and the output says so. A percentile or a rate that has no interval (fewer than five
 * seconds of a leg) is never called improved or regressed: too noisy to tell when it moved past the
 * threshold.
 */
public final class Comparator {
    /** Kinds measured from samples or intervals: without an interval they are not judged by their threshold alone. */
    private static final Set<Kind> SAMPLED_KINDS = EnumSet.of(Kind.TIME, Kind.THROUGHPUT, Kind.ALLOCATION, Kind.LATENCY,
            Kind.CLIENT_LATENCY);

    private final Thresholds thresholds;
    private final ChangeEstimator estimator;

    public Comparator(Thresholds thresholds, ChangeEstimator estimator) {
        this.thresholds = thresholds;
        this.estimator = estimator;
    }

    public List<MetricComparison> compare(RunMetrics baseline, RunMetrics current) {
        List<MetricComparison> comparisons = new ArrayList<>();
        for (Metric now : current.all()) {
            Optional<Metric> before = baseline.get(now.key());
            before.ifPresent(then -> comparisons.add(compare(then, now)));
        }
        return comparisons;
    }

    public MetricComparison compare(Metric baseline, Metric current) {
        Change change = estimator.between(baseline.measurement(), current.measurement());
        Kind kind = current.kind();
        if (!kind.gated()) {
            return new MetricComparison(current.key(), kind, current.unit(), change, null, Verdict.NOT_GATED);
        }
        Threshold threshold = thresholds.of(kind);
        return new MetricComparison(current.key(), kind, current.unit(), change, threshold, verdict(change, kind, threshold));
    }

    private Verdict verdict(Change change, Kind kind, Threshold threshold) {
        if (!change.hasInterval() && SAMPLED_KINDS.contains(kind)) {
            // A percentile or a rate from too few intervals moves from run to run by itself: a bare ratio of
            // two of them is what this gate exists not to trust.
            return threshold.material(change.shift(), change.baseline()) ? Verdict.TOO_NOISY : Verdict.UNCHANGED;
        }
        double alpha = 1 - estimator.confidence();
        // Significant when the rank test says so and the interval, which knows about forks, excludes zero too.
        boolean significant = !change.hasInterval() || (change.pValue() < alpha && (change.low() > 0 || change.high() < 0));
        if (significant && threshold.material(change.shift(), change.baseline())) {
            boolean better = kind.better() == Kind.Better.LOWER ? change.shift() < 0 : change.shift() > 0;
            return better ? Verdict.IMPROVED : Verdict.REGRESSED;
        }
        if (!threshold.material(change.low(), change.baseline()) && !threshold.material(change.high(), change.baseline())) {
            return Verdict.UNCHANGED;
        }
        return Verdict.TOO_NOISY;
    }
}
