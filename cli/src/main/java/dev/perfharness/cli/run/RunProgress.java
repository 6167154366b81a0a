package dev.perfharness.cli.run;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The line printed before each step of a run, plain text for logs without a terminal:
 * {@code [3/12] gatling MultiJobWatch before · done 2 of 12 · 6m40s elapsed · about 3m10s left}. The time
 * left is what the plan gives this step and the ones after it.
 */
final class RunProgress {
    private final List<Step> steps;
    private final LongSupplier nanoClock;
    private final long started;

    RunProgress(List<Step> steps, LongSupplier nanoClock) {
        this.steps = List.copyOf(steps);
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** The line for step {@code index} (from 0), about to start. */
    String before(int index) {
        Duration left = steps.subList(index, steps.size()).stream().map(Step::planned).reduce(Duration.ZERO, Duration::plus);
        return "[%d/%d] %s · done %d of %d · %s elapsed · about %s left".formatted(index + 1, steps.size(), steps.get(index).name(),
                index, steps.size(), compact(elapsed()), compact(left));
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - started);
    }

    /** {@code 45s}, {@code 6m40s}, {@code 1h05m}. */
    static String compact(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return "%dh%02dm".formatted(seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? "%dm%02ds".formatted(seconds / 60, seconds % 60) : seconds + "s";
    }
}
