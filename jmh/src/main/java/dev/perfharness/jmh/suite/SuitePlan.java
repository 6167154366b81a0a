package dev.perfharness.jmh.suite;

import dev.perfharness.jmh.support.Backend;
import dev.perfharness.jmh.support.RequiresBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What a suite run will do, before it starts: the benchmarks the include patterns select, minus the
 * classes whose servers are not there, with the parameter combinations the preset runs. The runner
 * uses it for "done/total" and the time left; the report uses the skipped list for "not run: why".
 */
public final class SuitePlan {
    private static final String PACKAGE_PREFIX = "dev.perfharness.jmh.";

    private final Preset preset;
    private final List<PlannedBenchmark> benchmarks;
    private final List<SkippedBenchmark> skipped;
    private final List<String> includes;
    private final Map<String, String[]> chosenParams;

    private SuitePlan(Preset preset, List<PlannedBenchmark> benchmarks, List<SkippedBenchmark> skipped, List<String> includes,
                      Map<String, String[]> chosenParams) {
        this.preset = preset;
        this.chosenParams = chosenParams;
        this.benchmarks = List.copyOf(benchmarks);
        this.skipped = List.copyOf(skipped);
        this.includes = List.copyOf(includes);
    }

    /**
     * Plans the benchmarks on the class path that match any of {@code includes} (regular expressions over
     * the full benchmark name; none means all).
     *
     * @param available the servers this run has
     * @throws IllegalArgumentException when a pattern is not a regular expression or selects nothing
     */
    public static SuitePlan of(Preset preset, List<String> includes, Set<Backend> available) {
        return of(preset, includes, Map.of(), available);
    }

    /**
     * As {@link #of(Preset, List, Set)}, with parameter values chosen by name on top of the preset's (e.g.
     * {@code bufferBytes=4096,32768}).
     *
     * @throws IllegalArgumentException also when no selected benchmark has a chosen parameter
     */
    public static SuitePlan of(Preset preset, List<String> includes, Map<String, String[]> params, Set<Backend> available) {
        SortedSet<BenchmarkListEntry> entries = select(includes);
        checkParams(includes, params);
        Map<String, String[]> chosen = new LinkedHashMap<>(preset.params());
        chosen.putAll(params);
        List<PlannedBenchmark> planned = new ArrayList<>();
        Map<String, SkippedBenchmark> skipped = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            String className = entry.getUserClassQName();
            List<Backend> missing = missingBackends(className, available);
            if (!missing.isEmpty()) {
                skipped.putIfAbsent(className, new SkippedBenchmark(className, notRunReason(missing)));
                continue;
            }
            Map<String, String[]> run = paramsRun(entry, chosen);
            int combinations = run.values().stream().mapToInt(values -> values.length).reduce(1, Math::multiplyExact);
            planned.add(new PlannedBenchmark(entry.getUsername(), entry.getMode(), combinations, run));
        }
        return new SuitePlan(preset, planned, new ArrayList<>(skipped.values()), includes, chosen);
    }

    /**
     * Checks the include patterns before anything is started: each must be a regular expression, and
     * together they must select at least one benchmark.
     *
     * @throws IllegalArgumentException naming the bad pattern, or listing the benchmarks there are
     */
    public static void checkIncludes(List<String> includes) {
        select(includes);
    }

    /**
     * Whether any benchmark's full name matches {@code include} (anywhere in the name, as JMH matches its
     * include patterns).
     *
     * @throws IllegalArgumentException when it is not a regular expression
     */
    public static boolean selectsAny(String include) {
        return !find(List.of(include)).isEmpty();
    }

    /** The parameter names the benchmarks {@code includes} selects declare (all benchmarks for none). */
    public static Set<String> declaredParams(List<String> includes) {
        Set<String> declared = new TreeSet<>();
        find(includes).forEach(entry -> {
            if (entry.getParams().hasValue()) {
                declared.addAll(entry.getParams().get().keySet());
            }
        });
        return declared;
    }

    private static SortedSet<BenchmarkListEntry> find(List<String> includes) {
        for (String include : includes) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--include '" + include + "' is not a regular expression: " + e.getDescription(), e);
            }
        }
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, includes.isEmpty() ? List.of(".*") : includes, List.of());
    }

    private static SortedSet<BenchmarkListEntry> select(List<String> includes) {
        SortedSet<BenchmarkListEntry> entries = find(includes);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --include " + String.join(", ", includes)
                    + "; the benchmarks are " + String.join(", ", allShortNames()));
        }
        return entries;
    }

    /** {@code output.LineFormatBenchmark.format} for {@code dev.perfharness.jmh.output.LineFormatBenchmark.format}. */
    static String shortName(String benchmark) {
        return benchmark.startsWith(PACKAGE_PREFIX) ? benchmark.substring(PACKAGE_PREFIX.length()) : benchmark;
    }

    private static List<String> allShortNames() {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, List.of(".*"), List.of()).stream()
                .map(entry -> shortName(entry.getUsername())).distinct().toList();
    }

    private static Map<String, String[]> paramsRun(BenchmarkListEntry entry, Map<String, String[]> chosen) {
        Map<String, String[]> params = new LinkedHashMap<>();
        if (entry.getParams().hasValue()) {
            entry.getParams().get().forEach((name, values) -> params.put(name, chosen.getOrDefault(name, values)));
        }
        return params;
    }

    private static void checkParams(List<String> includes, Map<String, String[]> params) {
        Set<String> declared = declaredParams(includes);
        params.forEach((name, values) -> {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("--param " + name + ": no selected benchmark has a parameter '" + name
                        + "'; they have " + String.join(", ", declared));
            }
            if (values.length == 0 || java.util.Arrays.stream(values).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("--param " + name + ": give one value or more, separated by commas");
            }
        });
    }

    private static List<Backend> missingBackends(String className, Set<Backend> available) {
        return requiredBackends(className).stream().filter(backend -> !available.contains(backend)).toList();
    }

    /** The servers a benchmark class declares with {@link RequiresBackend}; none for most. */
    static Set<Backend> requiredBackends(String className) {
        try {
            RequiresBackend requires = Class.forName(className, false, SuitePlan.class.getClassLoader()).getAnnotation(RequiresBackend.class);
            return requires == null ? Set.of() : Set.of(requires.value());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the benchmark list names " + className + " but the class is not on the class path", e);
        }
    }

    private static String notRunReason(List<Backend> missing) {
        if (missing.contains(Backend.DOCKER)) {
            return "not run: no engine";
        }
        return "not run: no " + missing.stream().map(Backend::description).reduce((a, b) -> a + " and " + b).orElseThrow();
    }

    public Preset preset() {
        return preset;
    }

    public List<String> includes() {
        return includes;
    }

    public List<PlannedBenchmark> benchmarks() {
        return benchmarks;
    }

    public List<SkippedBenchmark> skipped() {
        return skipped;
    }

    /** The full names of the benchmarks planned, in the order they run. */
    public List<String> benchmarkNames() {
        return benchmarks.stream().map(PlannedBenchmark::name).distinct().toList();
    }

    /** Parameter combinations in all: the "total" of the progress line. */
    public int combinations() {
        return benchmarks.stream().mapToInt(PlannedBenchmark::combinations).sum();
    }

    /** Regular expressions that select exactly the planned benchmarks (JMH runs by include pattern). */
    List<String> runPatterns() {
        return benchmarks.stream().map(b -> "^" + Pattern.quote(b.name()) + "$").distinct().toList();
    }

    /** The union of the parameter values the preset or the user chose, for JMH's options. */
    Map<String, String[]> overriddenParams() {
        Map<String, String[]> overridden = new LinkedHashMap<>();
        for (PlannedBenchmark benchmark : benchmarks) {
            benchmark.params().forEach((name, values) -> {
                if (chosenParams.containsKey(name)) {
                    overridden.put(name, values);
                }
            });
        }
        return overridden;
    }

    /** The time the whole plan should take with the preset, before anything has run. */
    public Duration plannedTime() {
        Duration total = Duration.ZERO;
        for (PlannedBenchmark benchmark : benchmarks) {
            Duration perFork = preset.plannedForkTime(benchmark.mode() == Mode.SingleShotTime);
            total = total.plus(perFork.multipliedBy((long) benchmark.combinations() * preset.forks()));
        }
        return total;
    }
}
