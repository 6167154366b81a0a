package dev.perfharness.reports.run;

import java.time.Instant;
import java.util.List;

/**
 * One step of a run: the JMH suite, or one Gatling leg.
 *
 * @param name           as the progress line shows it: {@code jmh quick}, {@code gatling MultiJobWatch before}
 * @param kind           {@code jmh} or {@code gatling}
 * @param status         where it stands
 * @param plannedSeconds what the plan expected it to take
 * @param startedAt      when it started; null while pending
 * @param endedAt        when it ended; null until then
 * @param outputs        what it produced, as paths relative to the run directory
 * @param detail         why it failed or was skipped; null otherwise
 */
public record RunStep(String name, String kind, StepStatus status, long plannedSeconds, Instant startedAt, Instant endedAt,
                      List<String> outputs, String detail) {

    public RunStep {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** A step not started yet. */
    public static RunStep pending(String name, String kind, long plannedSeconds) {
        return new RunStep(name, kind, StepStatus.PENDING, plannedSeconds, null, null, List.of(), null);
    }

    public RunStep started(Instant at) {
        return new RunStep(name, kind, StepStatus.RUNNING, plannedSeconds, at, null, List.of(), null);
    }

    /** This step ended at {@code at} with {@code status}, having produced {@code produced}. */
    public RunStep ended(Instant at, StepStatus status, List<String> produced, String why) {
        return new RunStep(name, kind, status, plannedSeconds, startedAt == null ? at : startedAt, at, produced, why);
    }
}
