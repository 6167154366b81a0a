package dev.perfharness.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.cli.gatling.ScenarioLoad;
import dev.perfharness.gatling.scenarios.Scenario;
import dev.perfharness.jmh.support.Backend;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    @Test
    void onlyKeepsTheBenchmarksAndScenariosWhoseNamesMatch() {
        RunPlan plan = RunPlan.of(RunSuite.QUICK, "RegistryAuth|DashboardPolling", false);

        assertThat(plan.only()).isEqualTo("RegistryAuth|DashboardPolling");
        assertThat(plan.jmh().orElseThrow().includes()).containsExactly("RegistryAuth|DashboardPolling");
        assertThat(plan.jmh().orElseThrow().plan(EnumSet.allOf(Backend.class)).benchmarkNames())
                .isNotEmpty().allSatisfy(name -> assertThat(name).contains(".images.RegistryAuthBenchmark."));
        assertThat(plan.loads()).extracting(ScenarioLoad::scenario).containsExactly(Scenario.DASHBOARD_POLLING);
        assertThat(plan.stopsRedis()).isFalse();
    }

    @Test
    void onlyMatchingScenariosAloneLeavesNoJmhStep() {
        RunPlan plan = RunPlan.of(RunSuite.QUICK, "CacheOutage", false);

        assertThat(plan.jmh()).isEmpty();
        assertThat(plan.loads()).extracting(ScenarioLoad::scenario).containsExactly(Scenario.CACHE_OUTAGE);
        assertThat(plan.stopsRedis()).isTrue();
    }

    @Test
    void onlyMatchingBenchmarksAloneLeavesNoScenario() {
        RunPlan plan = RunPlan.of(RunSuite.QUICK, "TokenManager", false);

        assertThat(plan.jmh()).isPresent();
        assertThat(plan.loads()).isEmpty();
    }

    @Test
    void theSuitesSizesGoOnlyToTheBenchmarksThatHaveThem() {
        RunPlan plan = RunPlan.of(RunSuite.CI, "RegistryAuth", false);

        assertThat(plan.jmh().orElseThrow().params()).isEmpty();
        assertThat(RunPlan.of(RunSuite.CI, "TokenManager", false).jmh().orElseThrow().params()).containsOnlyKeys("tokenCount");
    }

    @Test
    void aScenarioOfAnotherSuiteIsNotRun() {
        assertThatThrownBy(() -> RunPlan.of(RunSuite.QUICK, "PullActiveOpenModel", false))
                .hasMessageStartingWith("--only 'PullActiveOpenModel' matches no benchmark and no scenario of the quick suite")
                .hasMessageContaining("DashboardPolling, MultiJobWatch");
    }

    @Test
    void anOnlyThatMatchesNothingIsNamedWithWhatThereIs() {
        assertThatThrownBy(() -> RunPlan.of(RunSuite.QUICK, "NoSuchThing", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--only 'NoSuchThing' matches no benchmark and no scenario of the quick suite")
                .hasMessageContaining("images.RegistryAuthBenchmark");
    }

    @Test
    void anOnlyThatIsNoRegularExpressionIsNamed() {
        assertThatThrownBy(() -> RunPlan.of(RunSuite.QUICK, "Registry([", false))
                .hasMessageStartingWith("--only 'Registry([' is not a regular expression");
    }
}
