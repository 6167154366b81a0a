package dev.perfharness.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    @Test
    void eachLineSaysWhichStepWhatIsDoneTheTimeSpentAndThePlannedTimeLeft() {
        AtomicLong nanos = new AtomicLong();
        RunProgress progress = new RunProgress(List.of(step("jmh quick", 250), step("gatling MultiJobWatch before", 40),
                step("gatling MultiJobWatch after", 150)), nanos::get);

        String first = progress.before(0);
        nanos.addAndGet(Duration.ofSeconds(400).toNanos());
        String third = progress.before(2);

        assertThat(first).isEqualTo("[1/3] jmh quick · done 0 of 3 · 0s elapsed · about 7m20s left");
        assertThat(third).isEqualTo("[3/3] gatling MultiJobWatch after · done 2 of 3 · 6m40s elapsed · about 2m30s left");
    }

    @Test
    void durationsAreCompact() {
        assertThat(RunProgress.compact(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(RunProgress.compact(Duration.ofSeconds(60))).isEqualTo("1m00s");
        assertThat(RunProgress.compact(Duration.ofMinutes(185))).isEqualTo("3h05m");
    }

    private static Step step(String name, long seconds) {
        return new Step(name, name.split(" ")[0], Duration.ofSeconds(seconds), List.of(), () -> StepResult.skipped("test"));
    }
}
