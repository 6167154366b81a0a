package dev.perfharness.cli.run;

import dev.perfharness.cli.JmhSelection;
import dev.perfharness.cli.gatling.ScenarioLoad;
import dev.perfharness.jmh.suite.SuitePlan;
import dev.perfharness.jmh.support.Backend;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * What a run will do, checked before anything starts: the suite's JMH selection (none when {@code --only}
 * leaves no benchmark) and its scenarios (those whose name {@code --only} matches).
 *
 * @param only the {@code --only} regular expression; null for everything
 */
public record RunPlan(RunSuite suite, String only, Optional<JmhSelection> jmh, List<ScenarioLoad> loads) {
    private static final String BENCHMARK_PACKAGE = "dev.perfharness.jmh.";

    public RunPlan {
        loads = List.copyOf(loads);
    }

    /**
     * The suite, narrowed to the benchmarks whose full name and the scenarios whose name {@code only}
     * matches (anywhere in the name, as JMH's includes).
     *
     * @throws IllegalArgumentException when {@code only} is no regular expression, or matches nothing in the suite
     */
    public static RunPlan of(RunSuite suite, String only, boolean profile) {
        if (only == null) {
            return new RunPlan(suite, null, Optional.of(new JmhSelection(suite.preset(), List.of(), suite.jmhParams(), profile)),
                    suite.loads());
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(only);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--only '" + only + "' is not a regular expression: " + e.getDescription(), e);
        }
        List<ScenarioLoad> loads = suite.loads().stream().filter(load -> pattern.matcher(load.scenario().displayName()).find()).toList();
        Optional<JmhSelection> jmh = Optional.empty();
        if (SuitePlan.selectsAny(only)) {
            List<String> includes = List.of(only);
            jmh = Optional.of(new JmhSelection(suite.preset(), includes, declaredOnly(suite.jmhParams(), SuitePlan.declaredParams(includes)),
                    profile));
        }
        if (jmh.isEmpty() && loads.isEmpty()) {
            throw new IllegalArgumentException("--only '%s' matches no benchmark and no scenario of the %s suite; its scenarios are %s; its benchmarks %s"
                    .formatted(only, suite.label(), suite.loads().stream().map(load -> load.scenario().displayName()).collect(Collectors.joining(", ")),
                            String.join(", ", benchmarkClasses(suite))));
        }
        return new RunPlan(suite, only, jmh, loads);
    }

    /** Whether a scenario of the plan stops Redis, which needs an environment whose Redis the run controls. */
    public boolean stopsRedis() {
        return loads.stream().anyMatch(ScenarioLoad::stopsRedis);
    }

    /** The suite's sizes the selected benchmarks have: the others would be refused as unknown parameters. */
    private static Map<String, String[]> declaredOnly(Map<String, String[]> params, Set<String> declared) {
        Map<String, String[]> kept = new LinkedHashMap<>(params);
        kept.keySet().retainAll(declared);
        return kept;
    }

    /** {@code images.RegistryAuthBenchmark}, ...: every benchmark class, for an error that names what there is. */
    private static List<String> benchmarkClasses(RunSuite suite) {
        return SuitePlan.of(suite.preset(), List.of(), EnumSet.allOf(Backend.class)).benchmarkNames().stream()
                .map(name -> name.substring(0, name.lastIndexOf('.')))
                .map(name -> name.startsWith(BENCHMARK_PACKAGE) ? name.substring(BENCHMARK_PACKAGE.length()) : name)
                .distinct().sorted().toList();
    }
}
