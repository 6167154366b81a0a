package dev.perfharness.jmh.suite;

import dev.perfharness.config.InjectionSettings;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.profiles.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH suite: the timing pass with the gc profiler always on (bytes/op is nearly free of machine
 * noise, so the gate can lean on it), then, when asked, a separate single-fork pass per profiler event
 * for flame graphs, so profiling overhead never touches the timings.
 */
public final class JmhSuite {
    private JmhSuite() {
    }

    public static SuiteOutcome run(SuiteRequest request, PrintWriter terminal) {
        SuitePlan plan = SuitePlan.of(request.preset(), request.includes(), request.params(), request.backends().keySet());
        plan.skipped().forEach(skipped -> terminal.printf("%s: %s%n", SuitePlan.shortName(skipped.className()), skipped.reason()));
        terminal.printf("JMH preset %s: %d benchmark variants, %d fork(s) each, planned ~%s%n", request.preset().label(),
                plan.combinations(), request.preset().forks(), ProgressFormat.clock(plan.plannedTime()));
        if (request.injection().active()) {
            terminal.printf("injected regression, per benchmark operation: %s (in every fork's jvmArgs in results.json)%n",
                    request.injection().describe());
        }
        terminal.flush();
        createDirectories(request.jmhDirectory());
        Path log = request.jmhDirectory().resolve("jmh.log");
        Path partial = request.jmhDirectory().resolve("results.json.partial");
        List<BenchmarkResult> results;
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            ChainedOptionsBuilder options = timingOptions(plan, request)
                    .resultFormat(ResultFormatType.JSON)
                    .result(partial.toString());
            results = runJmh(options, plan, terminal, logStream, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JMH log " + log, e);
        }
        Path resultsFile = request.resultsFile();
        moveIntoPlace(partial, resultsFile);
        List<String> failed = failedVariants(plan, results);
        Optional<FlameGraphs> flames = request.profile()
                ? Optional.of(FlameGraphPass.run(plan, request, terminal))
                : Optional.empty();
        return new SuiteOutcome(plan, resultsFile, results.size(), failed, log, flames);
    }

    /** The options every pass shares: which benchmarks, the preset's parameter values, the fork's JVM. */
    static ChainedOptionsBuilder commonOptions(SuitePlan plan, SuiteRequest request) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .shouldFailOnError(false)
                .verbosity(VerboseMode.NORMAL)
                .jvmArgsAppend(forkJvmArguments(request.backends(), request.injection()).toArray(String[]::new));
        plan.runPatterns().forEach(options::include);
        plan.overriddenParams().forEach(options::param);
        if (request.preset() == Preset.SMOKE) {
            options.timeout(TimeValue.minutes(2));
        }
        return options;
    }

    private static ChainedOptionsBuilder timingOptions(SuitePlan plan, SuiteRequest request) {
        Preset preset = request.preset();
        return commonOptions(plan, request)
                .forks(preset.forks())
                .warmupIterations(preset.warmupIterations())
                .warmupTime(preset.warmupTime())
                .measurementIterations(preset.measurementIterations())
                .measurementTime(preset.measurementTime())
                .addProfiler(GCProfiler.class);
    }

    /** Runs JMH with progress on the terminal and JMH's own output in {@code log}; returns every result. */
    static List<BenchmarkResult> runJmh(ChainedOptionsBuilder options, SuitePlan plan, PrintWriter terminal, PrintStream log,
                                        boolean showResults) {
        ProgressFormat progress = new ProgressFormat(OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL),
                terminal, plan, System::nanoTime, showResults);
        try {
            new Runner(options.build(), progress).run();
        } catch (RunnerException e) {
            throw new SuiteException("JMH could not run: " + e.getMessage(), e);
        }
        return progress.results();
    }

    static List<String> forkJvmArguments(Map<Backend, String> backends, InjectionSettings injection) {
        List<String> arguments = new ArrayList<>();
        // async-profiler's library is loaded with System.load; JDK 24+ warns on restricted methods otherwise.
        arguments.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            // JMH's forks still use sun.misc.Unsafe, which JDK 24+ warns about in every fork's output.
            arguments.add("--sun-misc-unsafe-memory-access=allow");
        }
        backends.forEach((backend, address) -> arguments.add("-D" + backend.property() + "=" + address));
        // As -D, so the injection is in every result's jvmArgs: a run that injected says so in its own results.
        arguments.addAll(BenchmarkSettings.forkArguments(injection));
        return arguments;
    }

    private static List<String> failedVariants(SuitePlan plan, List<BenchmarkResult> results) {
        // A benchmark is planned per name and mode, so its results are counted the same way.
        Map<String, Long> completed = results.stream()
                .collect(Collectors.groupingBy(r -> r.getParams().getBenchmark() + " " + r.getParams().getMode(), Collectors.counting()));
        List<String> failed = new ArrayList<>();
        for (PlannedBenchmark benchmark : plan.benchmarks()) {
            long missing = benchmark.combinations() - completed.getOrDefault(benchmark.name() + " " + benchmark.mode(), 0L);
            if (missing > 0) {
                failed.add(benchmark.shortName() + " (" + missing + " of " + benchmark.combinations() + " variants)");
            }
        }
        return failed;
    }

    static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Results appear whole or not at all: JMH writes to a partial file that is then renamed. */
    static void moveIntoPlace(Path partial, Path target) {
        if (!Files.isRegularFile(partial)) {
            throw new SuiteException("JMH wrote no results to " + partial + " (see the JMH log beside it)");
        }
        try {
            AtomicFiles.moveIntoPlace(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " to " + target, e);
        }
    }
}
