package dev.perfharness.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.cli.gatling.GatlingLegs;
import dev.perfharness.cli.gatling.LoadLeg;
import dev.perfharness.cli.gatling.ScenarioLoad;
import dev.perfharness.config.Variant;
import dev.perfharness.gatling.scenarios.Scenario;
import dev.perfharness.jmh.suite.Preset;
import dev.perfharness.jmh.suite.SuitePlan;
import dev.perfharness.jmh.support.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class RunSuiteTest {

    @Test
    void quickRunsEveryBenchmarkClassWithTheQuickPresetAndTheFourScenariosThatTouchEveryComponent() {
        RunPlan plan = RunPlan.of(RunSuite.QUICK, null, false);

        SuitePlan jmh = plan.jmh().orElseThrow().plan(EnumSet.allOf(Backend.class));
        assertThat(jmh.preset()).isEqualTo(Preset.QUICK);
        assertThat(classesOf(jmh.benchmarkNames())).isEqualTo(everyBenchmarkClass());
        assertThat(plan.loads()).extracting(ScenarioLoad::scenario).contains(Scenario.DASHBOARD_POLLING, Scenario.MULTI_JOB_WATCH,
                Scenario.POD_LOG_STREAMING, Scenario.CACHE_OUTAGE);
    }

    @Test
    void everySuiteButQuickRunsEveryScenarioAndEveryBenchmarkClass() {
        for (RunSuite suite : List.of(RunSuite.SMOKE, RunSuite.CI, RunSuite.FULL)) {
            RunPlan plan = RunPlan.of(suite, null, false);

            assertThat(plan.loads()).as(suite.label()).extracting(ScenarioLoad::scenario).containsExactlyInAnyOrder(Scenario.values());
            assertThat(classesOf(plan.jmh().orElseThrow().plan(EnumSet.allOf(Backend.class)).benchmarkNames())).as(suite.label())
                    .isEqualTo(everyBenchmarkClass());
        }
        assertThat(RunSuite.FULL.loads()).allSatisfy(load -> assertThat(load.knobs()).isEmpty());
    }

    @Test
    void quickIsPlannedWithRoomToSpareInTenMinutesAndCiUnderForty() {
        assertThat(plannedTime(RunSuite.QUICK)).isLessThan(Duration.ofMinutes(9));
        assertThat(plannedTime(RunSuite.CI)).isLessThan(Duration.ofMinutes(40));
    }

    @Test
    void anUnknownSuiteIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> RunSuite.named("fast")).hasMessage("unknown suite 'fast'; choose smoke, quick, ci, full");
    }

    /** The JMH plan with every server, and both legs of every scenario. */
    private static Duration plannedTime(RunSuite suite) {
        RunPlan plan = RunPlan.of(suite, null, false);
        Duration jmh = plan.jmh().orElseThrow().plan(EnumSet.allOf(Backend.class)).plannedTime();
        return GatlingLegs.plan(plan.loads(), List.of(Variant.values()), 1, Map.of(), Path.of("gatling")).stream()
                .map(LoadLeg::plannedTime).reduce(jmh, Duration::plus);
    }

    private static Set<String> classesOf(List<String> benchmarkNames) {
        return benchmarkNames.stream().map(name -> name.substring(0, name.lastIndexOf('.'))).collect(Collectors.toSet());
    }

    private static Set<String> everyBenchmarkClass() {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())
                .stream().map(BenchmarkListEntry::getUserClassQName).collect(Collectors.toSet());
    }
}
