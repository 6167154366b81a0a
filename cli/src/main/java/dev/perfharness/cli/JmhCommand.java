package dev.perfharness.cli;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.jmh.suite.Preset;
import dev.perfharness.jmh.support.Backend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * {@code harness jmh}: the JMH suite against the environment's Redis, engine and registry, into
 * {@code runs/<run-id>/jmh/results.json}; with {@code --profile}, flame graphs into {@code flames/}.
 * Exit 0 when every planned variant has a result, 1 when one failed.
 */
@Command(name = "jmh", description = "Run the JMH suite: every component's before and after variants.", mixinStandardHelpOptions = true)
public final class JmhCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;
    @Mixin
    RunsDirectoryOption runsDirectoryOption;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "quick",
            description = "quick (every benchmark, short, one fork: minutes), ci (2 forks, enough samples for the gate) or full")
    String preset;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "only benchmarks whose full name matches; repeatable (default: all)")
    List<String> includes = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=V1,V2",
            description = "run these values of a benchmark parameter, e.g. --param bufferBytes=4096,32768; repeatable")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--profile", description = "also profile every benchmark and variant (cpu and alloc) into flames/")
    boolean profile;


    public JmhCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
        this.runsDirectoryOption = new RunsDirectoryOption(context);
    }

    @Override
    public Integer call() {
        JmhSelection selection;
        try {
            selection = new JmhSelection(Preset.named(preset), includes, paramValues(), profile);
            selection.plan(EnumSet.allOf(Backend.class));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        HarnessSettings settings = settingsOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        try (EnvironmentLease environment = EnvironmentLease.acquire(settings, settingsOptions)) {
            Path runDirectory = runsDirectoryOption.createRunDirectory();
            out.printf("run directory: %s%nenvironment: %s%n", runDirectory, environment.description());
            return selection.run(environment, runDirectory, settings, out).succeeded() ? 0 : 1;
        }
    }

    private Map<String, String[]> paramValues() {
        Map<String, String[]> values = new LinkedHashMap<>();
        params.forEach((name, list) -> values.put(name, list.split(",", -1)));
        return values;
    }
}
