package dev.perfharness.jmh.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.perfharness.profiles.AsyncProfilerLibrary;
import dev.perfharness.profiles.AtomicFiles;
import dev.perfharness.profiles.ProfilerUnavailable;
import dev.perfharness.profiles.SamplingEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Profiles every planned benchmark and variant with async-profiler through JMH's own {@code -prof async},
 * one single-fork pass per event: JMH names its output by benchmark and variant but not by fork, so a
 * second fork would overwrite the first; and async-profiler dumps collapsed stacks for one event at a time.
 * Warm-up samples are discarded by JMH; only the measured iterations are in the graphs.
 */
final class FlameGraphPass {
    static final String ALLOC = "alloc";
    private static final long CPU_INTERVAL_NANOS = 1_000_000;

    private FlameGraphPass() {
    }

    static FlameGraphs run(SuitePlan plan, SuiteRequest request, PrintWriter terminal) {
        Path flames = request.flamesDirectory();
        JmhSuite.createDirectories(flames);
        AsyncProfilerLibrary library;
        try {
            library = AsyncProfilerLibrary.extractTo(request.profilerCache());
        } catch (ProfilerUnavailable e) {
            terminal.printf("flame graphs not made: %s%n", e.getMessage());
            return new FlameGraphs(flames, "none", List.of("flame graphs not made: " + e.getMessage()));
        }
        // Probed in another JVM: this one must leave loading the library to JMH's -prof async (see probeInChildJvm).
        SamplingEngine engine = SamplingEngine.probeInChildJvm(library);
        terminal.printf("profiling pass (async-profiler %s, %s): cpu samples by %s; %s%n", library.version(),
                library.platform(), engine.event(), engine.note());
        List<String> problems = new ArrayList<>();
        for (String event : List.of(engine.event(), ALLOC)) {
            terminal.printf("profiling event %s%n", event);
            Path log = request.jmhDirectory().resolve("profile-" + event + ".log");
            try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                List<BenchmarkResult> results = JmhSuite.runJmh(options(plan, request, library, event), plan, terminal, logStream, false);
                if (results.size() < plan.combinations()) {
                    problems.add(event + ": " + (plan.combinations() - results.size()) + " of " + plan.combinations()
                            + " variants not profiled (see " + log + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the profiling log " + log, e);
            }
        }
        if (!engine.event().equals("cpu")) {
            renameEvent(flames, engine.event(), "cpu");
        }
        writeIndex(flames, library, engine, problems);
        return new FlameGraphs(flames, engine.event() + " (" + engine.note() + ")", problems);
    }

    private static ChainedOptionsBuilder options(SuitePlan plan, SuiteRequest request, AsyncProfilerLibrary library, String event) {
        boolean smoke = request.preset() == Preset.SMOKE;
        StringBuilder profiler = new StringBuilder()
                .append("libPath=").append(library.path().toAbsolutePath())
                .append(";event=").append(event)
                .append(";output=collapsed,flamegraph;direction=forward")
                .append(";dir=").append(request.flamesDirectory().toAbsolutePath());
        if (!event.equals(ALLOC)) {
            profiler.append(";interval=").append(CPU_INTERVAL_NANOS);
        }
        return JmhSuite.commonOptions(plan, request)
                .forks(1)
                .warmupIterations(smoke ? 0 : 1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(smoke ? TimeValue.milliseconds(500) : TimeValue.seconds(2))
                .addProfiler(AsyncProfiler.class, profiler.toString());
    }

    /**
     * With the timer fallback async-profiler names the files after the engine ({@code collapsed-ctimer.csv});
     * the run keeps one name per kind of profile so a baseline from a machine with perf events compares
     * with one without. Which engine sampled is in {@code profile.json}.
     */
    private static void renameEvent(Path flames, String from, String to) {
        try (Stream<Path> files = Files.walk(flames)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.contains("-" + from + "-") || name.contains("-" + from + ".")) {
                    String renamed = name.replace("-" + from + "-", "-" + to + "-").replace("-" + from + ".", "-" + to + ".");
                    Files.move(file, file.resolveSibling(renamed), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename the " + from + " profiles in " + flames, e);
        }
    }

    private static void writeIndex(Path flames, AsyncProfilerLibrary library, SamplingEngine engine, List<String> problems) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("profiler", "async-profiler " + library.version() + " (" + library.platform() + ")");
        index.put("cpuEngine", engine.event());
        index.put("perfEvents", engine.perfEvents());
        index.put("note", engine.note());
        index.put("cpuIntervalNanos", CPU_INTERVAL_NANOS);
        index.put("problems", problems);
        Path target = flames.resolve("profile.json");
        try {
            AtomicFiles.write(target, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
