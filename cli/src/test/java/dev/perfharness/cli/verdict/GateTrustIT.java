package dev.perfharness.cli.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the gate can be trusted, with real JMH runs of the gate's control benchmark (the ci preset: two
 * forks of five iterations): two runs of the same code compare without a regression, and a run with a
 * regression of known size injected through the service's own knob ({@code inject.cpu} of 10 % of the
 * benchmark's time, {@code inject.alloc} of 100 bytes) is reported as regressed in exactly those metrics.
 */
class GateTrustIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BENCHMARK = "gate.InjectedWorkBenchmark.work";
    private static final String[] BENCHMARKS = {"--include", "InjectedWorkBenchmark", "--preset", "ci"};

    @TempDir
    Path project;

    @Test
    void anAaComparisonDoesNotFailAndInjectedRegressionsOfTenPercentAndAHundredBytesAreFound() throws IOException {
        Path first = jmh();
        long tenPercentNanos = Math.round(median(first, "work") * 1000 * 0.10);
        Path second = jmh();
        Path injected = jmh("--set", "inject.cpu=" + tenPercentNanos + "ns", "--set", "inject.alloc=100");

        CliRun sameCode = CliRun.in(project, "compare", second.toString(), "--baseline", first.toString(), "--all");
        CliRun regression = CliRun.in(project, "compare", injected.toString(), "--baseline", first.toString(), "--all");

        assertThat(sameCode.exitCode()).as(sameCode.output() + sameCode.errors()).isZero();
        assertThat(sameCode.output()).doesNotContain("regressed");
        assertThat(regression.exitCode()).as(regression.output() + regression.errors()).isEqualTo(1);
        assertThat(verdict(injected, BENCHMARK, "score")).as(regression.output()).isEqualTo("regressed");
        assertThat(verdict(injected, BENCHMARK, "gc.alloc.rate.norm")).as(regression.output()).isEqualTo("regressed");
    }

    private Path jmh(String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("jmh", "--runs-dir", project.resolve("runs").toString()));
        arguments.addAll(Arrays.asList(BENCHMARKS));
        arguments.addAll(Arrays.asList(extra));
        List<Path> before = runs();
        CliRun run = CliRun.in(project, arguments.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        List<Path> after = new ArrayList<>(runs());
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.getFirst();
    }

    private List<Path> runs() throws IOException {
        Path root = project.resolve("runs");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(root)) {
            return runs.sorted().toList();
        }
    }

    private static double median(Path run, String method) throws IOException {
        for (JsonNode result : JSON.readTree(run.resolve("jmh/results.json").toFile())) {
            if (result.path("benchmark").asText().endsWith("." + method)) {
                List<Double> samples = new ArrayList<>();
                result.path("primaryMetric").path("rawData").forEach(fork -> fork.forEach(sample -> samples.add(sample.asDouble())));
                return samples.stream().sorted().toList().get(samples.size() / 2);
            }
        }
        throw new AssertionError("no result of " + method + " in " + run);
    }

    /** The verdict compare.json gives one metric. */
    private static String verdict(Path run, String benchmark, String quantity) throws IOException {
        for (JsonNode comparison : JSON.readTree(run.resolve(CompareCommand.JSON_FILE).toFile()).path("comparisons")) {
            if (comparison.path("subject").asText().equals(benchmark) && comparison.path("quantity").asText().equals(quantity)) {
                return comparison.path("verdict").asText();
            }
        }
        throw new AssertionError("no comparison of " + benchmark + " " + quantity + " in " + run);
    }
}
