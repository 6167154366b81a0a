package dev.perfharness.jmh.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * The flame graphs of a suite run: one folder per benchmark and variant under {@code directory}, each
 * with {@code flame-cpu-forward.html}, {@code collapsed-cpu.csv}, {@code flame-alloc-forward.html} and
 * {@code collapsed-alloc.csv}.
 *
 * @param directory   {@code runs/<run-id>/flames}
 * @param cpuSampling how cpu samples were taken ("cpu" through perf events, or the "ctimer" fallback) and why
 * @param problems    what could not be profiled and why; empty when every variant has its graphs
 */
public record FlameGraphs(Path directory, String cpuSampling, List<String> problems) {

    public FlameGraphs {
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
