package dev.perfharness.jmh.suite;

import dev.perfharness.config.InjectionSettings;
import dev.perfharness.jmh.support.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JMH suite run: which preset, which benchmarks, the servers it has, where it writes.
 *
 * @param preset        how long and how often
 * @param includes      regular expressions over benchmark names; empty runs them all
 * @param params        parameter values chosen by name, over the preset's and the benchmarks' own
 * @param backends      the address of each server this run has; a benchmark needing another is not run
 * @param injection     a regression to inject per benchmark operation ({@code inject.cpu}, {@code inject.alloc});
 *                      {@link InjectionSettings#NONE} for none. Every fork gets it, and its recorded JVM arguments show it
 * @param runDirectory  {@code runs/<run-id>}: results go to {@code jmh/}, flame graphs to {@code flames/}
 * @param profile       also profile every benchmark and variant (cpu and alloc) in a separate pass
 * @param profilerCache where async-profiler's native library is extracted to, once
 */
public record SuiteRequest(Preset preset, List<String> includes, Map<String, String[]> params, Map<Backend, String> backends,
                           InjectionSettings injection, Path runDirectory, boolean profile, Path profilerCache) {

    public SuiteRequest {
        includes = List.copyOf(includes);
        params = Map.copyOf(params);
        backends = Map.copyOf(backends);
    }

    public Path jmhDirectory() {
        return runDirectory.resolve("jmh");
    }

    public Path resultsFile() {
        return jmhDirectory().resolve("results.json");
    }

    public Path flamesDirectory() {
        return runDirectory.resolve("flames");
    }
}
