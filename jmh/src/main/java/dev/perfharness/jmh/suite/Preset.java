package dev.perfharness.jmh.suite;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how often each benchmark runs. {@code quick} touches every benchmark once, short; {@code ci}
 * runs two forks with enough iterations for the gate's rank test (run-to-run variance lives between
 * forks, JMHSample_13); {@code full} is for the numbers that go into a report. {@code smoke} only proves a
 * benchmark runs and is what the test suite uses.
 *
 * <p>Three measured iterations at least: JMH gives no error margin for fewer. {@code quick} takes five
 * short ones rather than three long: with three samples a side, the gate's rank test cannot reach
 * p < 0.01 however large the change, with five it can.
 *
 * <p>A preset may run fewer values of a size parameter than the benchmark declares ({@link #params()}):
 * {@code quick} keeps the largest sizes for {@code ci} and {@code full}, so the whole suite fits in minutes.
 */
public enum Preset {
    SMOKE(1, 0, Duration.ofMillis(100), 1, Duration.ofMillis(200), Map.of(
            "tokenCount", new String[] {"10000"},
            "jobCount", new String[] {"100"},
            "waitMillis", new String[] {"1"},
            "batch", new String[] {"1m"},
            "bufferBytes", new String[] {"4096"},
            "contextSize", new String[] {"small"},
            "trackerJobs", new String[] {"10000"},
            "watchersPerJob", new String[] {"100"})),
    QUICK(1, 1, Duration.ofSeconds(1), 5, Duration.ofMillis(300), Map.of(
            "tokenCount", new String[] {"100000"},
            "jobCount", new String[] {"100", "1000", "10000"},
            "waitMillis", new String[] {"10"},
            "batch", new String[] {"1m+10m+50m"},
            "bufferBytes", new String[] {"4096", "32768", "10485760"},
            // 100 000 too: the size at which the seeds' uncached listing costs what they say (2-5 ms).
            "trackerJobs", new String[] {"10000", "100000"})),
    CI(2, 2, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Map.of()),
    FULL(3, 5, Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Map.of());

    private final int forks;
    private final int warmupIterations;
    private final Duration warmupTime;
    private final int measurementIterations;
    private final Duration measurementTime;
    private final Map<String, String[]> params;

    Preset(int forks, int warmupIterations, Duration warmupTime, int measurementIterations, Duration measurementTime,
           Map<String, String[]> params) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.params = params;
    }

    /** The preset a user named, with the valid names in the error otherwise. */
    public static Preset named(String name) {
        for (Preset preset : values()) {
            if (preset.label().equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; choose quick, ci, full or smoke");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return TimeValue.milliseconds(warmupTime.toMillis());
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return TimeValue.milliseconds(measurementTime.toMillis());
    }

    /** Parameter values this preset runs instead of the benchmark's own, by parameter name. */
    public Map<String, String[]> params() {
        return params;
    }

    /** What one fork of one benchmark costs, for the time-left estimate: start-up plus every iteration. */
    Duration plannedForkTime(boolean singleShot) {
        Duration startUp = Duration.ofMillis(1500);
        if (singleShot) {
            return startUp.plusMillis(300L * (warmupIterations + measurementIterations));
        }
        return startUp.plus(warmupTime.multipliedBy(warmupIterations)).plus(measurementTime.multipliedBy(measurementIterations));
    }
}
