package dev.perfharness.cli.verdict;

import dev.perfharness.reports.compare.Thresholds;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The statistics a compare or a gate uses: the confidence level and the thresholds per metric kind. */
public final class StatisticsOptions {
    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "" + ChangeEstimator.DEFAULT_CONFIDENCE,
            description = "confidence level of the intervals; 1 - LEVEL is the p-value a change must beat (default: ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--threshold", paramLabel = "KIND=PCT%[,ABS]",
            description = "how large a change must be to count, per kind: time, throughput, allocation, latency, client-latency,"
                    + " ratio, memory, errors, capacity; e.g. --threshold time=3%% --threshold allocation=1%%,32; repeatable")
    List<String> thresholds = new ArrayList<>();

    Thresholds thresholds() {
        Thresholds chosen = Thresholds.defaults();
        for (String assignment : thresholds) {
            try {
                chosen = chosen.with(assignment);
            } catch (IllegalArgumentException e) {
                throw new OptionException("--threshold: " + e.getMessage());
            }
        }
        return chosen;
    }

    double confidence() {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new OptionException("--confidence must lie between 0.5 and 1, not " + confidence);
        }
        return confidence;
    }
}
