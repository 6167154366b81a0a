package dev.perfharness.reports.baseline;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which files of a run a baseline keeps: the standard, mergeable ones that compare and gate read (JMH's
 * JSON, the HdrHistogram interval logs, each leg's summary, the run's manifest) and the collapsed stacks
 * a differential flame graph needs. Gatling's HTML report and raw simulation.log stay with the run: they
 * are large and nothing compares them.
 */
final class BaselineFiles {
    private static final List<PathMatcher> KEPT = List.of(
            glob("run.json"),
            glob("jmh/results.json"),
            glob("gatling/*/*/{client,server,delivery}.hlog"),
            glob("gatling/*/*/summary.json"),
            glob("gatling/*/*/repeat-*/{client,server,delivery}.hlog"),
            glob("gatling/*/*/repeat-*/summary.json"),
            glob("flames/**.collapsed"));

    private BaselineFiles() {
    }

    static boolean kept(Path relative) {
        return KEPT.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
