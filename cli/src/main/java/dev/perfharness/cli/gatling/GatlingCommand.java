package dev.perfharness.cli.gatling;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.cli.RunsDirectoryOption;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.Variant;
import dev.perfharness.gatling.scenarios.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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
    @Mixin
    RunsDirectoryOption runsDirectoryOption;

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


    public GatlingCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
        this.runsDirectoryOption = new RunsDirectoryOption(context);
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
        List<ScenarioLoad> loads = chosen.stream()
                .map(scenario -> new ScenarioLoad(scenario, simulationKnobs, Duration.ofSeconds(warmUpSeconds))).toList();
        Path runDirectory = runsDirectoryOption.createRunDirectory();
        out.printf("run directory: %s%n", runDirectory);
        boolean allPassed = true;
        try (EnvironmentLease environment = EnvironmentLease.acquire(settings, settingsOptions,
                loads.stream().anyMatch(ScenarioLoad::stopsRedis))) {
            out.printf("environment: %s%n", environment.description());
            GatlingLegs gatling = new GatlingLegs(environment, out);
            List<LoadLeg> legs = GatlingLegs.plan(loads, chosenVariants, repeats, settingsOptions.overrides(), runDirectory.resolve("gatling"));
            for (int i = 0; i < legs.size(); i++) {
                LoadLeg leg = legs.get(i);
                out.printf("[%d/%d] %s%s: running (about %s) ...%n", i + 1, legs.size(), leg.name(),
                        repeats > 1 ? " #" + leg.repeat() : "", GatlingLegs.human(leg.scenario().plannedLength(leg.knobs())));
                out.flush();
                allPassed &= gatling.run(leg).passed();
            }
            gatling.printTables(chosenVariants.stream().map(GatlingLegs::label).toList(), repeats);
        }
        out.printf("%nresults: %s%n", runDirectory.resolve("gatling"));
        return allPassed ? 0 : 1;
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
}
