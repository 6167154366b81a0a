package dev.perfharness.cli.verdict;

import dev.perfharness.reports.baseline.Baseline;
import dev.perfharness.reports.gate.Gate;
import dev.perfharness.reports.gate.GateFiles;
import dev.perfharness.reports.gate.GateResult;
import dev.perfharness.reports.gate.GateTable;
import dev.perfharness.reports.metrics.MetricsException;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.targets.Target;
import dev.perfharness.reports.targets.TargetFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the gate reads and how strict it is, shared by {@code harness gate} and {@code harness run}: the
 * targets files, the baseline, the statistics, and whether a regression fails or is only reported.
 */
public final class GateOptions {
    @Mixin
    StatisticsOptions statistics;
    @Mixin
    BaselineChoice baselineChoice;
    @Option(names = "--targets", paramLabel = "FILE", arity = "1..*",
            description = "targets files (default: every .yaml file in targets/ of the project)")
    List<Path> targetFiles = new ArrayList<>();
    @Option(names = "--regressions", paramLabel = "fail|warn", defaultValue = "fail",
            description = "whether a regression against the baseline fails the gate (default) or is only reported,"
                    + " for a baseline recorded on another machine")
    String regressions;

    /**
     * Reads every option the gate will use (thresholds, confidence, targets files, the baseline with its
     * checksums), so {@code run} refuses a bad one before its suite, not after it.
     */
    public void check(Path projectDir, Path runsRoot) throws IOException, InterruptedException {
        checkRegressions();
        statistics.thresholds();
        statistics.confidence();
        targets(projectDir, new PrintWriter(java.io.Writer.nullWriter()));
        baselineChoice.load(projectDir, runsRoot);
    }

    private void checkRegressions() {
        if (!regressions.equals("fail") && !regressions.equals("warn")) {
            throw new OptionException("--regressions is \"" + regressions + "\"; expected fail or warn");
        }
    }

    /** Evaluates the run, prints the table and writes the gate's files into the run directory. */
    public GateResult gate(Path projectDir, Path runsRoot, Path runDirectory, PrintWriter out) throws IOException, InterruptedException {
        checkRegressions();
        Baseline baseline = baselineChoice.load(projectDir, runsRoot);
        RunMetrics current = RunMetrics.read(runDirectory);
        if (current.isEmpty()) {
            throw new MetricsException("run " + runDirectory + " holds no JMH results and no Gatling legs to gate");
        }
        RunMetrics before = baseline == null ? null : RunMetrics.read(baseline.directory());
        GateResult result = new Gate(statistics.confidence(), statistics.thresholds())
                .evaluate(current, targets(projectDir, out), before, baseline == null ? null : baseline.name(), regressions.equals("fail"));
        GateFiles.write(runDirectory, result);
        GateTable.print(out, result);
        out.printf("gate files: %s, %s, %s%n", runDirectory.resolve(GateFiles.JSON_FILE), runDirectory.resolve(GateFiles.JUNIT_FILE),
                runDirectory.resolve(GateFiles.SUMMARY_FILE));
        return result;
    }

    private List<Target> targets(Path projectDir, PrintWriter out) throws IOException {
        List<Path> files = targetFiles;
        if (files.isEmpty()) {
            Path folder = projectDir.resolve("targets");
            if (!Files.isDirectory(folder)) {
                // Outside the project (a run directory copied elsewhere): the regressions can still be gated.
                out.printf("no targets: %s does not exist (name targets files with --targets)%n", folder);
                return List.of();
            }
            try (Stream<Path> yaml = Files.list(folder)) {
                files = yaml.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
            }
        }
        List<Target> targets = new ArrayList<>();
        for (Path file : files) {
            targets.addAll(TargetFile.read(file));
        }
        return targets;
    }
}
