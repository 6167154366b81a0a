package dev.perfharness.jmh.suite;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own output goes, whole, to the run's log; the terminal gets one line per benchmark and
 * variant (name, parameters, done/total, elapsed, time left) and, when a benchmark's variants are all
 * done, the variants side by side. The time left is the plan's estimate, corrected by how far the run
 * so far has strayed from it.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final PrintWriter terminal;
    private final SuitePlan plan;
    private final LongSupplier nanoClock;
    private final long started;
    private final Duration planned;
    private final boolean showResults;
    private final List<BenchmarkResult> group = new ArrayList<>();
    private final List<BenchmarkResult> all = new ArrayList<>();
    private int done;
    private BenchmarkParams current;

    /** @param showResults print each benchmark's variants side by side (not for profiled passes, whose times are skewed) */
    ProgressFormat(OutputFormat log, PrintWriter terminal, SuitePlan plan, LongSupplier nanoClock, boolean showResults) {
        this.showResults = showResults;
        this.log = log;
        this.terminal = terminal;
        this.plan = plan;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.planned = plan.plannedTime();
    }

    /** Every result seen, in run order, including those of a run that later failed. */
    List<BenchmarkResult> results() {
        return List.copyOf(all);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        if (!group.isEmpty() && !group.get(0).getParams().getBenchmark().equals(params.getBenchmark())) {
            printGroup();
        }
        current = params;
        Duration elapsed = elapsed();
        terminal.printf("[%3d/%d] %-48s %-36s elapsed %s, left ~%s%n", done + 1, plan.combinations(),
                SuitePlan.shortName(params.getBenchmark()), SideBySide.variant(params), clock(elapsed), clock(left(elapsed)));
        terminal.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        done++;
        if (result == null) {
            // JMH reports a failed benchmark with no result; its stack trace is in the log.
            terminal.printf("        %s %s FAILED (see the JMH log)%n",
                    current == null ? "?" : SuitePlan.shortName(current.getBenchmark()),
                    current == null ? "" : SideBySide.variant(current));
            return;
        }
        group.add(result);
        all.add(result);
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        log.endRun(results);
        if (!group.isEmpty()) {
            printGroup();
        }
        terminal.printf("JMH: %d of %d benchmark variants done in %s%n", all.size(), plan.combinations(), clock(elapsed()));
        terminal.flush();
    }

    private void printGroup() {
        if (showResults) {
            SideBySide.print(terminal, group);
        }
        group.clear();
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - started);
    }

    private Duration left(Duration elapsed) {
        int total = plan.combinations();
        if (total == 0 || done >= total) {
            return Duration.ZERO;
        }
        Duration plannedLeft = planned.multipliedBy(total - done).dividedBy(total);
        if (done == 0) {
            return plannedLeft;
        }
        // Scale the plan by how the finished part compares with its own estimate.
        Duration plannedDone = planned.multipliedBy(done).dividedBy(total);
        double pace = plannedDone.isZero() ? 1.0 : (double) elapsed.toMillis() / plannedDone.toMillis();
        return Duration.ofMillis((long) (plannedLeft.toMillis() * pace));
    }

    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
        terminal.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
