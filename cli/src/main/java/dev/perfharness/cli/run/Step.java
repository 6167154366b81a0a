package dev.perfharness.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One step of a run: the JMH suite or one Gatling leg.
 *
 * @param name    as the progress line and run.json name it: {@code jmh quick}, {@code gatling MultiJobWatch before}
 * @param kind    {@code jmh} or {@code gatling}
 * @param planned what it should take, for the time left
 * @param outputs what it writes when it runs, recorded as far as they exist when it fails part-way
 * @param work    the step itself
 */
record Step(String name, String kind, Duration planned, List<Path> outputs, Work work) {

    /** What a step does; an exception fails the step, and the run goes on with the next. */
    @FunctionalInterface
    interface Work {
        StepResult run() throws Exception;
    }
}
