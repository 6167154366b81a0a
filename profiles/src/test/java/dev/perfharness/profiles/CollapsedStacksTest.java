package dev.perfharness.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapsedStacksTest {
    @TempDir
    Path dir;

    @Test
    void equalStacksOnSeveralLinesAreSummed() {
        CollapsedStacks stacks = CollapsedStacks.parse("t", "a;b 3\na;c 5\na;b 4\n");

        assertThat(stacks.count("a;b")).isEqualTo(7);
        assertThat(stacks.count("a;c")).isEqualTo(5);
        assertThat(stacks.counts()).hasSize(2);
        assertThat(stacks.total()).isEqualTo(12);
    }

    @Test
    void theCountIsAfterTheLastSpaceSoFramesMayHoldSpaces() {
        CollapsedStacks stacks = CollapsedStacks.parse("t", "Thread.run;C2 Runtime new_array;[unknown] 9\n\n");

        assertThat(stacks.count("Thread.run;C2 Runtime new_array;[unknown]")).isEqualTo(9);
    }

    @Test
    void aBadLineIsNamedByFileAndNumber() throws Exception {
        Path file = dir.resolve("base.collapsed");
        Files.writeString(file, "a;b 3\n\na;c five\n");

        assertThatThrownBy(() -> CollapsedStacks.read(file))
                .isInstanceOf(ProfilingException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("'five' is not a whole number");
    }

    @Test
    void aLineWithoutACountOrWithANegativeOneIsRefused() {
        assertThatThrownBy(() -> CollapsedStacks.parse("t", "a;b\n"))
                .hasMessageContaining("t line 1: expected 'frame;frame;leaf count'");
        assertThatThrownBy(() -> CollapsedStacks.parse("t", "a;b 1\na;b -2\n"))
                .hasMessageContaining("t line 2: the count -2 is negative");
    }

    @Test
    void mergeAddsTheCountsOfEqualStacks() {
        CollapsedStacks first = CollapsedStacks.of("fork1", Map.of("a;b", 2L, "a;c", 1L));
        CollapsedStacks second = CollapsedStacks.of("fork2", Map.of("a;b", 5L, "d", 4L));

        CollapsedStacks merged = first.merge(second);

        assertThat(merged.counts()).containsOnly(Map.entry("a;b", 7L), Map.entry("a;c", 1L), Map.entry("d", 4L));
        assertThat(merged.total()).isEqualTo(12);
    }

    @Test
    void writtenStacksReadBackTheSameAndLeaveNoTemporaryFile() throws Exception {
        CollapsedStacks stacks = CollapsedStacks.parse("t", "a;b 3\na;c 5\na;b 4\n");
        Path file = dir.resolve("out/stacks.collapsed");

        stacks.write(file);

        assertThat(Files.readString(file)).isEqualTo("a;b 7\na;c 5\n");
        assertThat(CollapsedStacks.read(file).counts()).isEqualTo(stacks.counts());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
