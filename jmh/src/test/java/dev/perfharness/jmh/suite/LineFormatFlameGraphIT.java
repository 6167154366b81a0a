package dev.perfharness.jmh.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.jmh.output.LineFormatBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiling pass puts the right code in the right graph: the concat variant's stacks under the
 * benchmark method reach the JDK's string concatenation ({@code StringConcatHelper}, what javac's
 * invokedynamic concatenation runs), the builder variant's do not.
 */
class LineFormatFlameGraphIT {
    private static final String CONCATENATION_FRAME = "java/lang/StringConcatHelper";

    @Test
    void concatenationFramesAppearOnlyInTheConcatVariant(@TempDir Path runDirectory) throws IOException {
        SmokeRuns.Run run;
        try (SmokeRuns runs = new SmokeRuns()) {
            run = runs.run(LineFormatBenchmark.class.getName(), runDirectory, true);
        }
        FlameGraphs flames = run.outcome().flames().orElseThrow();
        assertThat(flames.problems()).as(run.terminal()).isEmpty();
        assertThat(flames.directory().resolve("profile.json")).isRegularFile();

        Path concat = variantDirectory(flames.directory(), "format-CONCAT");
        Path builder = variantDirectory(flames.directory(), "format-BUILDER");
        for (Path variant : List.of(concat, builder)) {
            for (String file : List.of("flame-cpu-forward.html", "collapsed-cpu.csv", "flame-alloc-forward.html", "collapsed-alloc.csv")) {
                assertThat(variant.resolve(file)).as("%s/%s", variant.getFileName(), file).isNotEmptyFile();
            }
        }
        assertThat(benchmarkStacks(concat)).anyMatch(stack -> stack.contains(CONCATENATION_FRAME));
        assertThat(benchmarkStacks(builder)).isNotEmpty().noneMatch(stack -> stack.contains(CONCATENATION_FRAME));
    }

    private static Path variantDirectory(Path flames, String variant) throws IOException {
        try (Stream<Path> folders = Files.list(flames)) {
            return folders.filter(folder -> folder.getFileName().toString().contains(variant)).findFirst()
                    .orElseThrow(() -> new AssertionError("no flame graph folder for " + variant + " in " + flames));
        }
    }

    /** The cpu and allocation stacks that pass through the benchmark method, not JMH's own threads. */
    private static List<String> benchmarkStacks(Path variant) throws IOException {
        return Stream.of("collapsed-cpu.csv", "collapsed-alloc.csv")
                .flatMap(file -> lines(variant.resolve(file)))
                .filter(stack -> stack.contains("LineFormatBenchmark.format"))
                .toList();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
