package dev.perfharness.cli.run;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.EnvironmentLease;
import dev.perfharness.cli.JmhSelection;
import dev.perfharness.cli.RunsDirectoryOption;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.cli.gatling.GatlingLegs;
import dev.perfharness.cli.gatling.LoadLeg;
import dev.perfharness.cli.gatling.ScenarioLoad;
import dev.perfharness.cli.verdict.GateOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.Variant;
import dev.perfharness.config.VariantSettings;
import dev.perfharness.jmh.suite.SuiteOutcome;
import dev.perfharness.jmh.suite.SuitePlan;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.reports.gate.GateFiles;
import dev.perfharness.reports.gate.GateResult;
import dev.perfharness.reports.run.EnvironmentInfo;
import dev.perfharness.reports.run.GitState;
import dev.perfharness.reports.run.JdkInfo;
import dev.perfharness.reports.run.MachineInfo;
import dev.perfharness.reports.run.RunManifest;
import dev.perfharness.reports.run.RunStep;
import dev.perfharness.reports.run.StepStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness run}: the main job. The suite's JMH benchmarks, then its Gatling scenarios against the
 * before and the after, on one environment acquired for the whole run, into one run directory with a
 * {@code run.json} that says what was run, from which commit, on what, and how each step went. A step that
 * fails does not stop the others. Then the gate: every target, and every regression against a baseline
 * when one is given. Exit 0 when every step ran and the gate passed, 1 when a step failed or the gate
 * failed, 2 on bad input or when the gate could not evaluate.
 */
@Command(name = "run", description = "The main job: the JMH suite and the Gatling scenarios, before and after, into one run directory.",
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    /** Starting the JMH runner and listing the benchmarks, before the first fork. */
    private static final Duration JMH_START = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;
    @Mixin
    RunsDirectoryOption runsDirectoryOption;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "quick",
            description = "quick (minutes: every benchmark and component once), ci (the gate's samples, every scenario) or full")
    String suite;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "only the benchmarks (full name) and scenarios whose name matches, e.g. 'RegistryAuth|DashboardPolling'")
    String only;

    @Option(names = "--profile", description = "also flame graphs of every benchmark and variant into flames/")
    boolean profile;

    @Mixin
    GateOptions gateOptions;


    private final CliContext context;
    private final Clock clock = Clock.systemUTC();

    public RunCommand(CliContext context) {
        this.context = context;
        this.settingsOptions = new SettingsOptions(context);
        this.runsDirectoryOption = new RunsDirectoryOption(context);
    }

    @Override
    public Integer call() {
        RunPlan plan;
        try {
            plan = RunPlan.of(RunSuite.named(suite), only, profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            gateOptions.check(context.projectDir(), runsDirectoryOption.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the gate's options", e);
        }
        HarnessSettings settings = settingsOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        Instant startedAt = clock.instant();
        try (EnvironmentLease environment = acquire(settings, plan)) {
            Path runDirectory = runsDirectoryOption.createRunDirectory();
            out.printf("run directory: %s%nenvironment: %s%n", runDirectory, environment.description());
            GatlingLegs gatling = new GatlingLegs(environment, out);
            List<Step> steps = new ArrayList<>();
            plan.jmh().ifPresent(jmh -> steps.add(jmhStep(jmh, environment, runDirectory, settings, out)));
            steps.addAll(gatlingSteps(plan.loads(), gatling, environment, runDirectory));
            RunRecord record = new RunRecord(runDirectory, manifest(plan, runDirectory, environment, startedAt, steps));
            runSteps(steps, record, out, clock);
            if (!plan.loads().isEmpty()) {
                gatling.printTables(Arrays.stream(Variant.values()).map(GatlingLegs::label).toList(), 1);
            }
            record.finished(clock.instant());
            printSummary(record.manifest(), out);
            int gate = gate(runDirectory, out);
            out.printf("%nrun directory: %s%nreport: %s%n", runDirectory, runDirectory.resolve(GateFiles.SUMMARY_FILE));
            return record.manifest().anyFailed() ? Math.max(1, gate) : gate;
        }
    }

    /** The gate over what the steps produced: its table, its files, its exit code (0, 1, or 2). */
    private int gate(Path runDirectory, PrintWriter out) {
        out.printf("%n== the gate%n");
        try {
            return gateOptions.gate(context.projectDir(), runsDirectoryOption.root(), runDirectory, out).exitCode();
        } catch (IOException | RuntimeException e) {
            out.printf("the gate could not evaluate this run: %s%n", e.getMessage());
            return GateResult.CANNOT_EVALUATE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GateResult.CANNOT_EVALUATE;
        }
    }

    /** One environment for the whole run; one whose Redis the run controls when a scenario stops it, where that can be had. */
    private EnvironmentLease acquire(HarnessSettings settings, RunPlan plan) {
        if (plan.stopsRedis()) {
            try {
                return EnvironmentLease.acquire(settings, settingsOptions, true);
            } catch (IllegalStateException cannotStopRedis) {
                // The scenarios that stop Redis are skipped, and say why; the rest run.
            }
        }
        return EnvironmentLease.acquire(settings, settingsOptions);
    }

    /** Runs the steps in order, each recorded in run.json as it starts and ends; a step that fails does not stop the next. */
    static void runSteps(List<Step> steps, RunRecord record, PrintWriter out, Clock clock) {
        RunProgress progress = new RunProgress(steps, System::nanoTime);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.println(progress.before(i));
            out.flush();
            record.started(i, clock.instant());
            StepResult result;
            try {
                result = step.work().run();
            } catch (Exception e) {
                result = new StepResult(StepStatus.FAILED, step.outputs().stream().filter(Files::exists).toList(), String.valueOf(e.getMessage()));
                out.printf("FAILED: %s: %s%n", step.name(), e.getMessage());
            }
            if (result.status() == StepStatus.SKIPPED) {
                out.printf("skipped: %s: %s%n", step.name(), result.detail());
            }
            out.flush();
            record.ended(i, clock.instant(), result);
        }
    }

    private Step jmhStep(JmhSelection jmh, EnvironmentLease environment, Path runDirectory, HarnessSettings settings, PrintWriter out) {
        SuitePlan suitePlan = jmh.plan(Backend.addressesIn(environment.endpoints()).keySet());
        Path jmhDirectory = runDirectory.resolve("jmh");
        List<Path> outputs = List.of(jmhDirectory.resolve("results.json"), jmhDirectory.resolve("jmh.log"));
        return new Step("jmh " + jmh.preset().label(), "jmh", JMH_START.plus(suitePlan.plannedTime()), outputs, () -> {
            if (suitePlan.combinations() == 0) {
                return StepResult.skipped(suitePlan.skipped().stream().map(s -> s.className() + ": " + s.reason()).collect(Collectors.joining("; ")));
            }
            SuiteOutcome outcome = jmh.run(environment, runDirectory, settings, out);
            List<Path> produced = new ArrayList<>(List.of(outcome.results(), outcome.log()));
            outcome.flames().ifPresent(flames -> produced.add(flames.directory()));
            if (outcome.succeeded()) {
                return StepResult.ok(produced);
            }
            List<String> problems = new ArrayList<>(outcome.failed());
            outcome.flames().ifPresent(flames -> problems.addAll(flames.problems()));
            return new StepResult(StepStatus.FAILED, produced, "%d of %d benchmark variants have a result; failed: %s".formatted(
                    outcome.completed(), outcome.plan().combinations(), String.join("; ", problems)));
        });
    }

    private List<Step> gatlingSteps(List<ScenarioLoad> loads, GatlingLegs gatling, EnvironmentLease environment, Path runDirectory) {
        List<Step> steps = new ArrayList<>();
        for (LoadLeg leg : GatlingLegs.plan(loads, List.of(Variant.values()), 1, settingsOptions.overrides(), runDirectory.resolve("gatling"))) {
            boolean cannotRun = leg.scenario().stopsRedis(leg.knobs()) && environment.redisSwitch().isEmpty();
            steps.add(new Step("gatling " + leg.name(), "gatling", leg.plannedTime(), List.of(leg.directory()), () -> {
                if (cannotRun) {
                    return StepResult.skipped(leg.scenario().displayName() + " stops and restarts Redis, which the " + environment.name()
                            + " environment cannot do; run it with --env embedded");
                }
                GatlingLegs.LegVerdict verdict = gatling.run(leg);
                return new StepResult(verdict.passed() ? StepStatus.OK : StepStatus.FAILED, List.of(leg.directory()),
                        verdict.passed() ? null : verdict.summary());
            }));
        }
        return steps;
    }

    private RunManifest manifest(RunPlan plan, Path runDirectory, EnvironmentLease environment, Instant startedAt, List<Step> steps) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            Map<String, String> service = new LinkedHashMap<>(VariantSettings.of(variant));
            service.putAll(settingsOptions.overrides());
            variants.put(GatlingLegs.label(variant), service);
        }
        return new RunManifest(RunManifest.VERSION, runDirectory.getFileName().toString(), plan.suite().label(), plan.only(), startedAt, null,
                GitState.of(context.projectDir()), JdkInfo.current(), MachineInfo.current(),
                new EnvironmentInfo(environment.name(), environment.description()), variants,
                steps.stream().map(step -> RunStep.pending(step.name(), step.kind(), step.planned().toSeconds())).toList());
    }

    private static void printSummary(RunManifest manifest, PrintWriter out) {
        Map<StepStatus, Long> counts = manifest.steps().stream().collect(Collectors.groupingBy(RunStep::status, Collectors.counting()));
        out.printf("%nsteps: %d ok, %d failed, %d skipped; %s in all%n", counts.getOrDefault(StepStatus.OK, 0L),
                counts.getOrDefault(StepStatus.FAILED, 0L), counts.getOrDefault(StepStatus.SKIPPED, 0L),
                RunProgress.compact(Duration.between(manifest.startedAt(), manifest.endedAt())));
        manifest.steps().stream().filter(step -> step.status() != StepStatus.OK)
                .forEach(step -> out.printf("  %s %s: %s%n", step.status().label(), step.name(), step.detail()));
        out.flush();
    }
}
