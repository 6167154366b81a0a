package dev.perfharness.cli.verdict;

import dev.perfharness.cli.CliContext;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness gate [RUN] [--targets FILE...] [--baseline NAME]}: every target claim by claim, every
 * regression against the baseline, and {@code gate.json}, {@code gate.junit.xml} and {@code summary.md}
 * in the run directory. Exit 0 when all pass, 1 on a missed required target or a regression, 2 when
 * something could not be evaluated.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Evaluate every target and every regression against a baseline; exit 0 pass, 1 fail, 2 cannot evaluate.")
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StatisticsOptions statistics;
    @Mixin
    BaselineChoice baselineChoice;
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "a run id or folder (default: the newest run)")
    String run;
    @Option(names = "--targets", paramLabel = "FILE", arity = "1..*",
            description = "targets files (default: every .yaml file in targets/ of the project)")
    List<Path> targetFiles = new ArrayList<>();
    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run directories are (default: runs/ in the project)")
    Path runsDirectory;

    private final CliContext context;

    public GateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path runsRoot = runsDirectory != null ? runsDirectory : context.projectDir().resolve("runs");
        Path runDirectory = RunChoice.resolve(run, runsRoot);
        GateResult result = evaluate(runDirectory, targets(), baselineChoice.load(context.projectDir(), runsRoot), statistics);
        PrintWriter out = spec.commandLine().getOut();
        GateTable.print(out, result);
        out.printf("gate files: %s, %s, %s%n", runDirectory.resolve(GateFiles.JSON_FILE), runDirectory.resolve(GateFiles.JUNIT_FILE),
                runDirectory.resolve(GateFiles.SUMMARY_FILE));
        return result.exitCode();
    }

    /** Gates a run and writes the gate's files into it; {@code bin/harness run} calls this after its steps. */
    static GateResult evaluate(Path runDirectory, List<Target> targets, Baseline baseline, StatisticsOptions statistics) throws IOException {
        RunMetrics current = RunMetrics.read(runDirectory);
        if (current.isEmpty()) {
            throw new MetricsException("run " + runDirectory + " holds no JMH results and no Gatling legs to gate");
        }
        RunMetrics before = baseline == null ? null : RunMetrics.read(baseline.directory());
        GateResult result = new Gate(statistics.confidence(), statistics.thresholds())
                .evaluate(current, targets, before, baseline == null ? null : baseline.name());
        GateFiles.write(runDirectory, result);
        return result;
    }

    private List<Target> targets() throws IOException {
        List<Path> files = targetFiles;
        if (files.isEmpty()) {
            Path folder = context.projectDir().resolve("targets");
            if (!Files.isDirectory(folder)) {
                throw new MetricsException("no targets folder at " + folder + "; name targets files with --targets");
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
