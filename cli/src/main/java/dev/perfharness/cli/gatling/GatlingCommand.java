package dev.perfharness.cli.gatling;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.RunDirectories;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.Variant;
import dev.perfharness.config.VariantSettings;
import dev.perfharness.gatling.launch.GatlingLauncher;
import dev.perfharness.gatling.scenarios.Scenario;
import dev.perfharness.gatling.scenarios.TimedAction;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness gatling}: each scenario against each variant of the service, the service in a JVM of
 * its own per variant and Gatling in another, into {@code runs/<run-id>/gatling/<scenario>/<variant>/};
 * then the variants side by side. Repeats interleave the variants (before, after, before, after), so a
 * machine that drifts during the run affects both alike. Exit 0 when every simulation's assertions
 * held, 1 when one did not.
 */
@Command(name = "gatling", description = "Run Gatling scenarios against the service's before and after variants.",
        mixinStandardHelpOptions = true)
public final class GatlingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--scenario", paramLabel = "NAME[,NAME]", required = true,
            description = "DashboardPolling, PullActiveOpenModel, SingleJobWatch, MultiJobWatch, PodLogStreaming, ConnectionScale, CacheOutage")
    String scenarios;

    @Option(names = "--variants", paramLabel = "V[,V]", defaultValue = "before,after",
            description = "service variants, in order: before, after (default: both)")
    String variants;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "how long each simulation loads the service (default: the simulation's own)")
    Integer durationSeconds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1", description = "runs of each variant, interleaved (default 1)")
    int repeats;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "10",
            description = "an unmeasured run of the same simulation first, on the same service JVM (default 10; 0 for none)")
    int warmUpSeconds;

    @Option(names = "--knob", paramLabel = "NAME=VALUE", description = "a simulation knob, e.g. --knob connections=2000; repeatable")
    Map<String, String> knobs = new LinkedHashMap<>();

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where run directories go (default: runs/ in the project)")
    Path runsDirectory;

    private final CliContext context;

    public GatlingCommand(CliContext context) {
        this.context = context;
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws Exception {
        List<Scenario> chosen;
        List<Variant> chosenVariants;
        try {
            chosen = Scenario.named(scenarios);
            chosenVariants = variants(variants);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (durationSeconds != null && durationSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--duration " + durationSeconds + ": expected a positive number of seconds");
        }
        if (warmUpSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--warm-up " + warmUpSeconds + ": expected 0 or more seconds");
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats " + repeats + ": expected 1 or more");
        }
        HarnessSettings settings = settingsOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> simulationKnobs = new LinkedHashMap<>(knobs);
        if (durationSeconds != null) {
            simulationKnobs.put("duration", durationSeconds.toString());
        }
        boolean stopsRedis = chosen.stream().anyMatch(scenario -> scenario.actions(simulationKnobs).stream()
                .anyMatch(action -> action.action() == TimedAction.Action.STOP_REDIS));
        Path runDirectory = new RunDirectories(runsRoot(), Clock.systemUTC()).create();
        out.printf("run directory: %s%n", runDirectory);
        boolean allPassed = true;
        try (ServiceEnvironment environment = ServiceEnvironment.acquire(settings, settingsOptions, stopsRedis)) {
            out.printf("environment: %s%n", environment.description());
            LoadRun run = new LoadRun(environment, GatlingLauncher.ofThisJvm(), List.of("-Xms512m", "-Xmx2g"),
                    Duration.ofSeconds(warmUpSeconds));
            List<LoadLeg> legs = legs(chosen, chosenVariants, simulationKnobs, runDirectory.resolve("gatling"));
            Map<Scenario, List<LoadResult>> results = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (int i = 0; i < legs.size(); i++) {
                LoadLeg leg = legs.get(i);
                out.printf("[%d/%d] %s %s%s: running (about %s) ...%n", i + 1, legs.size(), leg.scenario().displayName(), leg.variant(),
                        repeats > 1 ? " #" + leg.repeat() : "", human(leg.scenario().expectedLength(leg.knobs()).minusSeconds(30)));
                out.flush();
                LoadResult result = run.execute(leg);
                results.computeIfAbsent(leg.scenario(), s -> new ArrayList<>()).add(result);
                allPassed &= report(out, result, Duration.ofNanos(System.nanoTime() - started));
            }
            List<String> variantLabels = chosenVariants.stream().map(GatlingCommand::label).toList();
            results.forEach((scenario, list) -> {
                out.printf("%n%s (%d repeat%s; client and ws delivery: Gatling's JVM; server: the service's own histograms)%n",
                        scenario.displayName(), repeats, repeats == 1 ? "" : "s, histograms merged");
                LoadTable.of(variantLabels, list).print(out);
            });
        }
        out.printf("%nresults: %s%n", runDirectory.resolve("gatling"));
        return allPassed ? 0 : 1;
    }

    /** Interleaved: every variant once, then every variant again, per scenario. */
    private List<LoadLeg> legs(List<Scenario> chosen, List<Variant> chosenVariants, Map<String, String> simulationKnobs, Path root) {
        List<LoadLeg> legs = new ArrayList<>();
        for (Scenario scenario : chosen) {
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (Variant variant : chosenVariants) {
                    Map<String, String> service = new LinkedHashMap<>(VariantSettings.of(variant));
                    service.putAll(scenario.serviceSettings(simulationKnobs));
                    service.putAll(settingsOptions.overrides());
                    Path directory = root.resolve(scenario.displayName()).resolve(label(variant));
                    if (repeats > 1) {
                        directory = directory.resolve("repeat-" + repeat);
                    }
                    legs.add(new LoadLeg(scenario, label(variant), repeat, service, simulationKnobs, directory));
                }
            }
        }
        return legs;
    }

    private static boolean report(PrintWriter out, LoadResult result, Duration elapsed) {
        var outcome = result.outcome();
        long requests = result.client().values().stream().mapToLong(m -> m.micros().getTotalCount() + m.failed()).sum();
        long failed = result.client().values().stream().mapToLong(Measured::failed).sum();
        out.printf("      %,d requests, %,d failed; Gatling %s; %s elapsed; %s%n", requests, failed,
                outcome.passed() ? "assertions held" : outcome.assertionsFailed() ? "ASSERTIONS FAILED" : "exited " + outcome.exitCode(),
                human(elapsed), result.leg().directory());
        outcome.failedAssertions().forEach(line -> out.printf("      failed: %s%n", line));
        if (outcome.crashed()) {
            out.printf("      the Gatling JVM failed; its console: %s%n", outcome.consoleLog());
            tail(out, outcome.consoleLog());
        }
        out.flush();
        return outcome.passed();
    }

    private static void tail(PrintWriter out, Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(line -> out.printf("        %s%n", line));
        } catch (java.io.IOException e) {
            out.printf("        (cannot read it: %s)%n", e.getMessage());
        }
    }

    static List<Variant> variants(String commaSeparated) {
        List<Variant> chosen = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(name -> {
            try {
                return Variant.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown variant \"%s\"; expected before or after".formatted(name));
            }
        }).distinct().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no variant named in \"" + commaSeparated + "\"");
        }
        return chosen;
    }

    private static String label(Variant variant) {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    private static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 60 ? "%d min %02d s".formatted(seconds / 60, seconds % 60) : seconds + " s";
    }

    private Path runsRoot() {
        return runsDirectory != null ? runsDirectory : context.projectDir().resolve("runs");
    }
}
