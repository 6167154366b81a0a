package dev.perfharness.cli.run;

import dev.perfharness.reports.run.StepStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * How a step ended.
 *
 * @param outputs what it produced
 * @param detail  why it failed or was skipped; null when it went well
 */
record StepResult(StepStatus status, List<Path> outputs, String detail) {

    static StepResult ok(List<Path> outputs) {
        return new StepResult(StepStatus.OK, outputs, null);
    }

    static StepResult skipped(String why) {
        return new StepResult(StepStatus.SKIPPED, List.of(), why);
    }
}
