package dev.perfharness.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {
    // 40 samples before, 80 after: b took 25% and then 50%, c 75% and then 50%.
    private final CollapsedStacks base = stacks("base", "a;b", 10, "a;c", 30);
    private final CollapsedStacks next = stacks("new", "a;b", 40, "a;c", 40);

    @Test
    void theBaseIsScaledToTheNewTotal() {
        ProfileDiff diff = ProfileDiff.of(base, next);

        assertThat(diff.scale()).isEqualTo(2.0);
        assertThat(diff.scaledBase("a;b")).isEqualTo(20.0);
        assertThat(diff.delta("a;b")).isEqualTo(20.0);
        assertThat(diff.delta("a;c")).isEqualTo(-20.0);
    }

    @Test
    void aLongerRunWithTheSameShapeShowsNoChange() {
        ProfileDiff diff = ProfileDiff.of(base, stacks("longer", "a;b", 30, "a;c", 90));

        assertThat(diff.delta("a;b")).isZero();
        assertThat(diff.delta("a;c")).isZero();
        assertThat(diff.grown(5)).isEmpty();
        assertThat(diff.shrunk(5)).isEmpty();
    }

    @Test
    void bGrewAndCShrankInShare() {
        ProfileDiff diff = ProfileDiff.of(base, next);

        assertThat(diff.grown(5)).singleElement().satisfies(shift -> {
            assertThat(shift.frame()).isEqualTo("b");
            assertThat(shift.changePoints()).isCloseTo(25.0, within(1e-9));
        });
        assertThat(diff.shrunk(5)).singleElement().satisfies(shift -> {
            assertThat(shift.frame()).isEqualTo("c");
            assertThat(shift.baseShare()).isCloseTo(0.75, within(1e-9));
            assertThat(shift.newShare()).isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    void aStackOnlyTheBaseHasShrinksByAllOfItsScaledCount() {
        ProfileDiff diff = ProfileDiff.of(stacks("base", "a;b", 10, "a;gone", 10), stacks("new", "a;b", 40));

        assertThat(diff.delta("a;gone")).isEqualTo(-20.0);
        assertThat(diff.stacks()).containsExactly("a;b", "a;gone");
        assertThat(diff.shrunk(1).get(0).frame()).isEqualTo("gone");
    }

    @Test
    void framesThatDifferOnlyInTheirRuntimeAddressAreTheSameFrame() {
        ProfileDiff diff = ProfileDiff.of(
                stacks("run1", "a;java/lang/invoke/LambdaForm$MH.0x000000009e061c00.invoke;b", 10, "a;c", 10),
                stacks("run2", "a;java/lang/invoke/LambdaForm$MH.0x000000009e062000.invoke;b", 10, "a;c", 10));

        assertThat(diff.grown(5)).isEmpty();
        assertThat(diff.shrunk(5)).isEmpty();
    }

    @Test
    void anEmptyProfileIsNamed() {
        CollapsedStacks empty = CollapsedStacks.parse("empty.collapsed", "");

        assertThatThrownBy(() -> ProfileDiff.of(empty, next))
                .isInstanceOf(ProfilingException.class)
                .hasMessage("empty.collapsed has no samples to compare");
    }

    static CollapsedStacks stacks(String source, Object... stackThenCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < stackThenCount.length; i += 2) {
            counts.put((String) stackThenCount[i], ((Integer) stackThenCount[i + 1]).longValue());
        }
        return CollapsedStacks.of(source, counts);
    }
}
