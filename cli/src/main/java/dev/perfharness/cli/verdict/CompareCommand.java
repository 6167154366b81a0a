package dev.perfharness.cli.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.cli.CliContext;
import dev.perfharness.profiles.AtomicFiles;
import dev.perfharness.reports.baseline.Baseline;
import dev.perfharness.reports.baseline.BaselineException;
import dev.perfharness.reports.compare.Comparator;
import dev.perfharness.reports.compare.ComparisonJson;
import dev.perfharness.reports.compare.ComparisonTable;
import dev.perfharness.reports.compare.MetricComparison;
import dev.perfharness.reports.compare.Verdict;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness compare [RUN] --baseline NAME|PATH}: every metric in both, with its change, interval,
 * p-value and verdict, as a table and as {@code compare.json} in the run directory. Exit 0, or 1 when a
 * metric regressed.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare a run (the newest by default) with a baseline.")
public final class CompareCommand implements Callable<Integer> {
    static final String JSON_FILE = "compare.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;
    @Mixin
    StatisticsOptions statistics;
    @Option(names = "--all", description = "list every metric, not only those that changed or were too noisy to tell")
    boolean all;
    @Option(names = "--json", description = "print the comparison as JSON instead of the table")
    boolean json;
    @Mixin
    RunArgument runArgument;

    @Mixin
    BaselineChoice baselineChoice;

    private final CliContext context;

    public CompareCommand(CliContext context) {
        this.context = context;
        this.runArgument = new RunArgument(context);
    }

    @Override
    public Integer call() throws Exception {
        Path runsRoot = runArgument.runsRoot();
        Path runDirectory = runArgument.directory();
        Baseline baseline = baselineChoice.load(context.projectDir(), runsRoot);
        if (baseline == null) {
            throw new BaselineException("compare needs a baseline: --baseline NAME|PATH or --baseline-merge-base BRANCH");
        }
        RunMetrics current = RunMetrics.read(runDirectory);
        RunMetrics before = RunMetrics.read(baseline.directory());
        List<MetricComparison> comparisons = new Comparator(statistics.thresholds(), new ChangeEstimator(statistics.confidence()))
                .compare(before, current);
        ObjectNode document = JSON.createObjectNode();
        document.put("run", runDirectory.toString());
        document.put("baseline", baseline.name());
        document.put("baseline_directory", baseline.directory().toString());
        document.put("confidence", statistics.confidence());
        document.set("comparisons", ComparisonJson.of(JSON, comparisons));
        AtomicFiles.write(runDirectory.resolve(JSON_FILE), JSON.writeValueAsBytes(document));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(document));
        } else {
            out.printf("run %s against baseline %s (%s confidence intervals)%n", runDirectory.getFileName(), baseline.name(),
                    Math.round(statistics.confidence() * 100) + " %");
            ComparisonTable.print(out, comparisons, all);
            out.printf("comparison: %s%n", runDirectory.resolve(JSON_FILE));
        }
        return comparisons.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSED) ? 1 : 0;
    }
}
