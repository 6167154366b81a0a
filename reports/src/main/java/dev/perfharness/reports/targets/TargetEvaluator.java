package dev.perfharness.reports.targets;

import dev.perfharness.reports.metrics.Metric;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.Change;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates targets against one run. A relative or ratio target compares the run's before variant with
 * its after variant (the rank test for JMH samples, the bootstrap for latency logs); an absolute target
 * takes the after variant's value with its interval. The verdict is "holds" only when the whole interval
 * meets the target, "does not hold" when the whole interval misses it, and "unclear" otherwise.
 */
public final class TargetEvaluator {
    private final ChangeEstimator estimator;

    public TargetEvaluator(ChangeEstimator estimator) {
        this.estimator = estimator;
    }

    public List<TargetResult> evaluate(List<Target> targets, RunMetrics run) {
        return targets.stream().map(target -> evaluate(target, run)).toList();
    }

    public TargetResult evaluate(Target target, RunMetrics run) {
        if (!target.measurable()) {
            return TargetResult.notMeasured(target, target.notMeasured());
        }
        try {
            return switch (target.comparison()) {
                case ABSOLUTE -> absolute(target, run);
                case RELATIVE, RATIO -> betweenVariants(target, run);
            };
        } catch (MissingMetric missing) {
            return TargetResult.notMeasured(target, "not in this run: " + missing.getMessage());
        } catch (AmbiguousMetric ambiguous) {
            return TargetResult.invalid(target, ambiguous.getMessage());
        }
    }

    private TargetResult absolute(Target target, RunMetrics run) {
        Metric metric = find(run, target.metric(), absoluteLabels(target));
        if (target.unit() != null && !target.unit().isBlank() && !target.unit().equals(metric.unit())) {
            return TargetResult.invalid(target, "the target is in " + target.unit() + " but " + metric.key() + " is in " + metric.unit());
        }
        Change change = estimator.of(metric.measurement());
        return decide(target, change.shift(), change.low(), change.high(), change);
    }

    private TargetResult betweenVariants(Target target, RunMetrics run) {
        Metric before = find(run, target.metric(), variantLabels(target, true));
        Metric after = find(run, target.metric(), variantLabels(target, false));
        Change change = estimator.between(before.measurement(), after.measurement());
        double offset = target.comparison() == Comparison.RATIO ? 1 : 0;
        return decide(target, offset + change.relative(), offset + change.relativeLow(), offset + change.relativeHigh(), change);
    }

    private static TargetResult decide(Target target, double value, double low, double high, Change change) {
        Operator operator = target.operator();
        boolean lowHolds = operator.holds(low, target.threshold());
        boolean highHolds = operator.holds(high, target.threshold());
        TargetVerdict verdict;
        if (lowHolds && highHolds) {
            verdict = TargetVerdict.HOLDS;
        } else if (!lowHolds && !highHolds && !operator.holds(value, target.threshold())) {
            verdict = TargetVerdict.DOES_NOT_HOLD;
        } else {
            verdict = TargetVerdict.UNCLEAR;
        }
        return new TargetResult(target, verdict, value, low, high, change, null);
    }

    private static Map<String, String> absoluteLabels(Target target) {
        MetricSelector metric = target.metric();
        Map<String, String> labels = new HashMap<>(metric.params());
        if (metric.jmh()) {
            labels.putAll(target.variantParams());
        } else {
            gatlingLabels(metric, metric.variant(), labels);
        }
        return labels;
    }

    private static Map<String, String> variantLabels(Target target, boolean before) {
        MetricSelector metric = target.metric();
        Map<String, String> labels = new HashMap<>(metric.params());
        if (metric.jmh()) {
            labels.put(target.variants().param(), before ? target.variants().before() : target.variants().after());
        } else {
            gatlingLabels(metric, before ? "before" : "after", labels);
        }
        return labels;
    }

    private static void gatlingLabels(MetricSelector metric, String variant, Map<String, String> labels) {
        labels.put("variant", variant);
        labels.put("side", metric.side());
        if (metric.name() != null) {
            labels.put("name", metric.name());
        }
    }

    /** The one metric of the run with this benchmark or scenario, value and labels. */
    private static Metric find(RunMetrics run, MetricSelector selector, Map<String, String> labels) {
        List<Metric> matches = run.all().stream()
                .filter(metric -> metric.key().source().equals(selector.source()))
                .filter(metric -> metric.key().subject().equals(selector.subject()))
                .filter(metric -> metric.key().quantity().equals(selector.value()))
                .filter(metric -> metric.key().hasLabels(labels))
                .toList();
        if (matches.isEmpty()) {
            throw new MissingMetric("no " + selector.source() + " result for " + selector.subject() + " " + selector.value() + " " + new TreeMap<>(labels));
        }
        if (matches.size() > 1) {
            throw new AmbiguousMetric(matches.size() + " metrics match " + selector + " " + new TreeMap<>(labels)
                    + "; fix a parameter in the target to pick one, e.g. " + matches.get(0).key() + " or " + matches.get(1).key());
        }
        return matches.getFirst();
    }

    private static final class MissingMetric extends RuntimeException {
        MissingMetric(String message) {
            super(message, null, false, false);
        }
    }

    private static final class AmbiguousMetric extends RuntimeException {
        AmbiguousMetric(String message) {
            super(message, null, false, false);
        }
    }
}
