package dev.perfharness.jmh.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.jmh.buffers.BufferPoolBenchmark;
import dev.perfharness.jmh.docker.DockerClientBenchmark;
import dev.perfharness.jmh.pulls.PullBatchBenchmark;
import dev.perfharness.jmh.support.Backend;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuitePlanTest {
    private static final Set<Backend> EVERYTHING = EnumSet.allOf(Backend.class);

    @Test
    void withoutAnEngineTheDockerClassesAreNotRunAndSaySo() {
        SuitePlan plan = SuitePlan.of(Preset.QUICK, List.of(), EnumSet.of(Backend.REDIS));

        assertThat(plan.skipped()).containsExactlyInAnyOrder(
                new SkippedBenchmark(DockerClientBenchmark.class.getName(), "not run: no engine"),
                new SkippedBenchmark(PullBatchBenchmark.class.getName(), "not run: no engine"));
        assertThat(plan.benchmarks()).extracting(PlannedBenchmark::name)
                .noneMatch(name -> name.startsWith(DockerClientBenchmark.class.getName()))
                .anyMatch(name -> name.startsWith(BufferPoolBenchmark.class.getName()));
    }

    @Test
    void quickRunsFewerSizesThanFullAndEveryVariantOfEach() {
        String include = BufferPoolBenchmark.class.getName();

        SuitePlan quick = SuitePlan.of(Preset.QUICK, List.of(include), EVERYTHING);
        SuitePlan full = SuitePlan.of(Preset.FULL, List.of(include), EVERYTHING);

        assertThat(quick.combinations()).isEqualTo(4 * 3);
        assertThat(full.combinations()).isEqualTo(4 * 8);
        assertThat(quick.benchmarks().get(0).params().get("buffers")).hasSize(4);
    }

    @Test
    void chosenParameterValuesWinOverThePresetsAndAnUnknownParameterIsNamed() {
        List<String> include = List.of(BufferPoolBenchmark.class.getName());

        SuitePlan chosen = SuitePlan.of(Preset.QUICK, include, Map.of("bufferBytes", new String[] {"1024"}), EVERYTHING);

        assertThat(chosen.combinations()).isEqualTo(4);
        assertThat(chosen.benchmarks().get(0).params().get("bufferBytes")).containsExactly("1024");
        assertThatThrownBy(() -> SuitePlan.of(Preset.QUICK, include, Map.of("bufferSize", new String[] {"1024"}), EVERYTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--param bufferSize: no selected benchmark has a parameter 'bufferSize'; they have bufferBytes, buffers");
    }

    @Test
    void thePlannedTimeGrowsWithForksAndIterations() {
        List<String> include = List.of(BufferPoolBenchmark.class.getName());

        assertThat(SuitePlan.of(Preset.CI, include, EVERYTHING).plannedTime())
                .isGreaterThan(SuitePlan.of(Preset.QUICK, include, EVERYTHING).plannedTime().multipliedBy(2));
    }

    @Test
    void anIncludeThatIsNoRegularExpressionIsNamed() {
        assertThatThrownBy(() -> SuitePlan.checkIncludes(List.of("Buffer(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--include 'Buffer(' is not a regular expression");
    }

    @Test
    void anIncludeThatSelectsNothingListsWhatThereIs() {
        assertThatThrownBy(() -> SuitePlan.checkIncludes(List.of("NoSuchBenchmark")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no benchmark matches --include NoSuchBenchmark")
                .hasMessageContaining("buffers.BufferPoolBenchmark");
    }

    @Test
    void anUnknownPresetIsNamed() {
        assertThatThrownBy(() -> Preset.named("fast")).hasMessage("unknown preset 'fast'; choose quick, ci, full or smoke");
    }
}
