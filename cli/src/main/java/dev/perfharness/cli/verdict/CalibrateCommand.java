package dev.perfharness.cli.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.RunsDirectoryOption;
import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.cli.profile.ProfileCommand;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.jmh.suite.JmhSuite;
import dev.perfharness.jmh.suite.Preset;
import dev.perfharness.jmh.suite.SuiteOutcome;
import dev.perfharness.jmh.suite.SuiteRequest;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.profiles.AtomicFiles;
import dev.perfharness.reports.compare.Comparator;
import dev.perfharness.reports.metrics.RunMetrics;
import dev.perfharness.reports.stats.ChangeEstimator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness calibrate}: how far to trust the gate on this machine. Runs the chosen benchmarks
 * {@code --repeats} times as they are and as often with the regression given by {@code --set inject.cpu=...}
 * and {@code --set inject.alloc=...}, alternating, then compares every plain run with every other (A/A:
 * each metric flagged is a false alarm) and every plain run with every injected one (each regression
 * found is a detection). Prints both rates per metric and writes {@code calibration.json}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure the gate's false alarms (A/A) and its detection of an injected regression on this machine.")
public final class CalibrateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;
    @Mixin
    StatisticsOptions statistics;

    @Option(names = "--include", paramLabel = "REGEX", required = true,
            description = "the benchmarks to calibrate on (full-name regex); choose ones the injection reaches; repeatable")
    List<String> includes = new ArrayList<>();
    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "parameter values to run, as for jmh; repeatable")
    Map<String, String> params = new LinkedHashMap<>();
    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "ci", description = "the JMH preset (default: ${DEFAULT-VALUE})")
    String preset;
    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "plain runs, and injected runs (default: ${DEFAULT-VALUE})")
    int repeats;
    @Mixin
    RunsDirectoryOption runsDirectoryOption;

    private final CliContext context;

    public CalibrateCommand(CliContext context) {
        this.context = context;
        this.runsDirectoryOption = new RunsDirectoryOption(context);
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws IOException {
        if (repeats < 2) {
            throw new ParameterException(spec.commandLine(), "--repeats must be 2 or more (an A/A comparison needs two plain runs), not " + repeats);
        }
        Preset chosen;
        try {
            chosen = Preset.named(preset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        HarnessSettings settings = settingsOptions.load();
        InjectionSettings injection = settings.injection();
        if (!injection.active()) {
            throw new ParameterException(spec.commandLine(), "give the regression to inject: --set inject.cpu=DURATION and/or --set inject.alloc=BYTES");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path calibration = runsDirectoryOption.createRunDirectory();
        out.printf("calibration: %s; %d plain and %d injected runs (%s), alternating%n", calibration, repeats, repeats, injection.describe());
        List<RunMetrics> plain = new ArrayList<>();
        List<RunMetrics> injected = new ArrayList<>();
        try (EnvironmentLease environment = EnvironmentLease.acquire(settings, settingsOptions)) {
            for (int repeat = 1; repeat <= repeats; repeat++) {
                plain.add(runSuite(chosen, environment, InjectionSettings.NONE, calibration.resolve("plain-" + repeat), settings, out));
                injected.add(runSuite(chosen, environment, injection, calibration.resolve("injected-" + repeat), settings, out));
            }
        }
        Comparator comparator = new Comparator(statistics.thresholds(), new ChangeEstimator(statistics.confidence()));
        Calibration result = Calibration.of(comparator, plain, injected);
        result.print(out);
        ObjectNode json = result.toJson(JSON);
        json.put("injection", injection.describe());
        json.put("preset", chosen.label());
        AtomicFiles.write(calibration.resolve("calibration.json"), JSON.writeValueAsBytes(json));
        out.printf("calibration: %s%n", calibration.resolve("calibration.json"));
        return 0;
    }

    private RunMetrics runSuite(Preset chosen, EnvironmentLease environment, InjectionSettings injection, Path directory,
            HarnessSettings settings, PrintWriter out) throws IOException {
        Files.createDirectories(directory);
        out.printf("== %s%n", directory.getFileName());
        SuiteRequest request = new SuiteRequest(chosen, includes, paramValues(), Backend.addressesIn(environment.endpoints()), injection,
                directory, false, ProfileCommand.libraryCache(settings));
        SuiteOutcome outcome = JmhSuite.run(request, out);
        if (!outcome.succeeded()) {
            throw new IOException("the calibration run " + directory + " failed: " + outcome.failed() + "; see " + outcome.log());
        }
        return RunMetrics.read(directory);
    }

    private Map<String, String[]> paramValues() {
        Map<String, String[]> values = new LinkedHashMap<>();
        params.forEach((name, list) -> values.put(name, list.split(",", -1)));
        return values;
    }
}
