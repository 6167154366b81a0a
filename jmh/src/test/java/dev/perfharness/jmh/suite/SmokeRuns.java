package dev.perfharness.jmh.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.env.Environment;
import dev.perfharness.env.Environments;
import dev.perfharness.env.TestSettings;
import dev.perfharness.jmh.support.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs benchmark classes through the suite with the smoke preset, against a real embedded environment. */
final class SmokeRuns implements AutoCloseable {
    private final Environment environment;

    SmokeRuns() {
        environment = Environments.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED));
    }

    /** Every benchmark class on the class path whose requirements match {@code filter}. */
    static Stream<String> benchmarkClasses(Predicate<Set<Backend>> filter) {
        Set<String> classes = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())) {
            classes.add(entry.getUserClassQName());
        }
        return classes.stream().filter(name -> filter.test(SuitePlan.requiredBackends(name)));
    }

    /** The outcome and the terminal output of one class's smoke run, profiled or not. */
    Run run(String className, Path runDirectory, boolean profile) {
        return run(className, runDirectory, profile, InjectionSettings.NONE);
    }

    /** The same with a regression injected in every fork. */
    Run run(String className, Path runDirectory, boolean profile, InjectionSettings injection) {
        StringWriter terminal = new StringWriter();
        SuiteRequest request = new SuiteRequest(Preset.SMOKE, List.of("^" + java.util.regex.Pattern.quote(className) + "\\."),
                Map.of(), Backend.addressesIn(environment.endpoints()), injection, runDirectory, profile,
                runDirectory.resolve("profiler-cache"));
        SuiteOutcome outcome = JmhSuite.run(request, new PrintWriter(terminal, true));
        return new Run(outcome, terminal.toString());
    }

    record Run(SuiteOutcome outcome, String terminal) {
        JsonNode results() {
            try {
                return new ObjectMapper().readTree(outcome.results().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        environment.close();
    }
}
