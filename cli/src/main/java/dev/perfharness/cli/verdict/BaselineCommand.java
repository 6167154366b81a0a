package dev.perfharness.cli.verdict;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.RunsDirectoryOption;
import dev.perfharness.reports.baseline.Baseline;
import dev.perfharness.reports.baseline.BaselineStore;
import dev.perfharness.reports.metrics.RunMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness baseline save|list|show|delete}: named baselines in {@code baselines/}, each a folder of
 * standard files (JMH JSON, HdrHistogram logs, each leg's summary, collapsed stacks, run.json) with a
 * checksummed manifest.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Save, list, show or delete named baselines.",
        subcommands = {BaselineCommand.Save.class, BaselineCommand.ListBaselines.class, BaselineCommand.Show.class, BaselineCommand.Delete.class})
public final class BaselineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every subcommand shares: where baselines and runs live. */
    public abstract static class Subcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        BaselinesDirectoryOption baselinesDirectory;
        @Mixin
        RunsDirectoryOption runsDirectoryOption;

        final CliContext context;

        Subcommand(CliContext context) {
            this.context = context;
            this.runsDirectoryOption = new RunsDirectoryOption(context);
        }

        BaselineStore store() {
            return baselinesDirectory.store(context.projectDir());
        }

        Path runsRoot() {
            return runsDirectoryOption.root();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Keep a run (the newest by default) as a named baseline.")
    public static final class Save extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "letters, digits, '.', '_' and '-'")
        String name;
        @Option(names = "--run", paramLabel = "RUN", description = "a run id or folder (default: the newest run)")
        String run;
        @Option(names = "--replace", description = "replace an existing baseline of this name")
        boolean replace;

        public Save(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            Path source = RunChoice.resolve(run, runsRoot());
            RunMetrics.read(source);
            Baseline saved = store().save(name, source, replace);
            out().printf("baseline %s saved from %s: %d files in %s%n", saved.name(), source, saved.files().size(), saved.directory());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved baselines.")
    public static final class ListBaselines extends Subcommand {
        public ListBaselines(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            BaselineStore store = store();
            List<String> names = store.names();
            if (names.isEmpty()) {
                out().printf("no baselines in %s%n", store.root());
            }
            for (String name : names) {
                try {
                    Baseline baseline = store.load(name);
                    out().printf("%-24s saved %s  commit %s  %d files  from %s%n", name, baseline.savedAt(),
                            baseline.commit() == null ? "-" : baseline.commit().substring(0, Math.min(12, baseline.commit().length())),
                            baseline.files().size(), baseline.sourceRun());
                } catch (RuntimeException damaged) {
                    out().printf("%-24s DAMAGED: %s%n", name, damaged.getMessage());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a baseline's files and what it measured.")
    public static final class Show extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME|PATH")
        String name;

        public Show(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            Baseline baseline = store().load(name);
            RunMetrics metrics = RunMetrics.read(baseline.directory());
            out().printf("baseline %s (%s)%n  saved %s from %s, commit %s%n", baseline.name(), baseline.directory(), baseline.savedAt(),
                    baseline.sourceRun(), baseline.commit() == null ? "-" : baseline.commit());
            baseline.files().forEach((file, digest) -> out().printf("  %-70s %10d B  sha256 %s%n", file, digest.bytes(), digest.sha256().substring(0, 16)));
            Map<String, Integer> perSubject = new TreeMap<>();
            metrics.all().forEach(metric -> perSubject.merge(metric.key().source() + " " + metric.key().subject(), 1, Integer::sum));
            out().printf("  %d metrics:%n", metrics.all().size());
            perSubject.forEach((subject, count) -> out().printf("    %-60s %d%n", subject, count));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved baseline.")
    public static final class Delete extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        public Delete(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws IOException {
            store().delete(name);
            out().printf("baseline %s deleted%n", name);
            return 0;
        }
    }
}
