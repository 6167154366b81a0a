package dev.perfharness.cli.gatling;

import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.config.Variant;
import dev.perfharness.config.VariantSettings;
import dev.perfharness.gatling.launch.GatlingLauncher;
import dev.perfharness.gatling.launch.GatlingOutcome;
import dev.perfharness.gatling.scenarios.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Gatling legs of a command: planned from scenarios and variants, run one at a time against the
 * environment the command acquired, each summed up in a line as it ends, and at the end every
 * scenario's variants side by side. {@code harness gatling} and {@code harness run} both run their legs
 * through it.
 */
public final class GatlingLegs {
    private static final List<String> GATLING_JVM_FLAGS = List.of("-Xms512m", "-Xmx2g");

    private final LoadRun run;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private final Map<Scenario, List<LoadResult>> results = new LinkedHashMap<>();

    public GatlingLegs(EnvironmentLease environment, PrintWriter out) {
        this.run = new LoadRun(new ServiceEnvironment(environment), GatlingLauncher.ofThisJvm(), GATLING_JVM_FLAGS);
        this.out = out;
    }

    /**
     * The legs of these scenarios, interleaved: every variant once, then every variant again, per scenario.
     *
     * @param overrides service settings given on the command line, on both sides, over the variant's and the scenario's
     * @param root      {@code runs/<run-id>/gatling}: each leg gets {@code <scenario>/<variant>[/repeat-<n>]} below it
     */
    public static List<LoadLeg> plan(List<ScenarioLoad> loads, List<Variant> variants, int repeats, Map<String, String> overrides,
                                     Path root) {
        List<LoadLeg> legs = new ArrayList<>();
        for (ScenarioLoad load : loads) {
            Scenario scenario = load.scenario();
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (Variant variant : variants) {
                    Map<String, String> service = new LinkedHashMap<>(VariantSettings.of(variant));
                    service.putAll(scenario.serviceSettings(load.knobs()));
                    service.putAll(overrides);
                    Path directory = root.resolve(scenario.displayName()).resolve(label(variant));
                    if (repeats > 1) {
                        directory = directory.resolve("repeat-" + repeat);
                    }
                    legs.add(new LoadLeg(scenario, label(variant), repeat, service, load.knobs(), load.warmUp(), directory));
                }
            }
        }
        return legs;
    }

    /**
     * Runs one leg and prints what it measured in one line.
     *
     * @throws Exception when the leg could not run at all (the service did not start, Gatling wrote no records)
     */
    public LegVerdict run(LoadLeg leg) throws Exception {
        LoadResult result = run.execute(leg);
        results.computeIfAbsent(leg.scenario(), s -> new ArrayList<>()).add(result);
        return report(result);
    }

    /** Every scenario run so far, its variants side by side (repeats merged). */
    public void printTables(List<String> variantLabels, int repeats) {
        results.forEach((scenario, list) -> {
            out.printf("%n%s (%d repeat%s; client and ws delivery: Gatling's JVM; server: the service's own histograms)%n",
                    scenario.displayName(), repeats, repeats == 1 ? "" : "s, histograms merged");
            LoadTable.of(variantLabels, list).print(out);
        });
        out.flush();
    }

    private LegVerdict report(LoadResult result) {
        GatlingOutcome outcome = result.outcome();
        long requests = result.client().values().stream().mapToLong(m -> m.micros().getTotalCount() + m.failed()).sum();
        long failed = result.client().values().stream().mapToLong(Measured::failed).sum();
        String verdict = outcome.passed() ? "assertions held" : outcome.assertionsFailed() ? "ASSERTIONS FAILED" : "exited " + outcome.exitCode();
        out.printf("      %,d requests, %,d failed; Gatling %s; %s elapsed; %s%n", requests, failed, verdict,
                human(Duration.ofNanos(System.nanoTime() - started)), result.leg().directory());
        outcome.failedAssertions().forEach(line -> out.printf("      failed: %s%n", line));
        List<String> problems = new ArrayList<>(outcome.failedAssertions());
        if (outcome.crashed()) {
            out.printf("      the Gatling JVM failed; its console: %s%n", outcome.consoleLog());
            tail(out, outcome.consoleLog());
            problems.add("the Gatling JVM failed; its console: " + outcome.consoleLog());
        }
        out.flush();
        return new LegVerdict(outcome.passed(), outcome.passed() ? verdict : "Gatling " + verdict + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    }

    private static void tail(PrintWriter out, Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(line -> out.printf("        %s%n", line));
        } catch (IOException e) {
            out.printf("        (cannot read it: %s)%n", e.getMessage());
        }
    }

    /** {@code before}, {@code after}: a variant as folders and tables name it. */
    public static String label(Variant variant) {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 45 s}, {@code 3 min 05 s}. */
    public static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 60 ? "%d min %02d s".formatted(seconds / 60, seconds % 60) : seconds + " s";
    }

    /**
     * How a leg went.
     *
     * @param passed  whether Gatling's assertions held
     * @param summary "assertions held", or what failed
     */
    public record LegVerdict(boolean passed, String summary) {
    }
}
