package dev.perfharness.jmh.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.jmh.images.RegistryAuthBenchmark;
import dev.perfharness.jmh.support.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark class that needs no Docker engine runs once through the suite, every variant, one short
 * iteration, and produces a sane result: a positive finite score, bytes/op from the gc profiler, and
 * finite figures of its own. The Docker-backed classes are in {@link DockerBenchmarkSmokeContainerIT}.
 */
class BenchmarkSmokeIT {
    private static SmokeRuns runs;

    @BeforeAll
    static void startEnvironment() {
        runs = new SmokeRuns();
    }

    @AfterAll
    static void stopEnvironment() {
        runs.close();
    }

    static Stream<String> withoutEngine() {
        return SmokeRuns.benchmarkClasses(needs -> !needs.contains(Backend.DOCKER) && !needs.contains(Backend.REGISTRY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutEngine")
    void runsEveryVariant(String benchmarkClass, @TempDir Path runDirectory) {
        assertSane(runs.run(benchmarkClass, runDirectory, false), benchmarkClass);
    }

    @Test
    void anInjectedRegressionReachesEveryForkAndIsRecordedInItsResults(@TempDir Path runDirectory) {
        String benchmarkClass = RegistryAuthBenchmark.class.getName();

        SmokeRuns.Run run = runs.run(benchmarkClass, runDirectory, false, new InjectionSettings(Duration.ZERO, 4096));

        assertSane(run, benchmarkClass);
        assertThat(run.terminal()).contains("injected regression, per benchmark operation: inject.cpu=0 inject.alloc=4096");
        for (JsonNode result : run.results()) {
            assertThat(result.get("jvmArgs")).extracting(JsonNode::asText).contains("-Dperfharness.bench.inject.alloc=4096");
            // Bytes are counted, not timed: every call allocates at least the injected array.
            assertThat(result.path("secondaryMetrics").path(SideBySide.BYTES_PER_OP).path("score").asDouble())
                    .isGreaterThanOrEqualTo(4096);
        }
    }

    static void assertSane(SmokeRuns.Run run, String benchmarkClass) {
        SuiteOutcome outcome = run.outcome();
        assertThat(outcome.plan().skipped()).as("skipped, with the terminal output:%n%s", run.terminal()).isEmpty();
        assertThat(outcome.failed()).as("failed variants; JMH log %s", outcome.log()).isEmpty();
        assertThat(outcome.completed()).isEqualTo(outcome.plan().combinations()).isPositive();
        JsonNode results = run.results();
        assertThat(results.size()).isEqualTo(outcome.completed());
        for (JsonNode result : results) {
            String what = result.get("benchmark").asText() + " " + result.get("params");
            assertThat(result.get("benchmark").asText()).startsWith(benchmarkClass + ".");
            JsonNode primary = result.get("primaryMetric");
            assertThat(primary.get("score").isNumber()).as("%s score %s", what, primary.get("score")).isTrue();
            assertThat(primary.get("score").asDouble()).as("%s score", what).isPositive().isFinite();
            assertThat(primary.get("rawData").size()).as("%s forks", what).isEqualTo(1);
            JsonNode bytesPerOp = result.path("secondaryMetrics").path(SideBySide.BYTES_PER_OP).path("score");
            assertThat(bytesPerOp.isNumber()).as("%s bytes/op %s", what, bytesPerOp).isTrue();
            assertThat(bytesPerOp.asDouble()).as("%s bytes/op", what).isNotNegative().isFinite();
            result.path("secondaryMetrics").fields().forEachRemaining(metric -> {
                if (!metric.getKey().startsWith("gc.")) {
                    assertThat(metric.getValue().path("score").isNumber())
                            .as("%s %s = %s", what, metric.getKey(), metric.getValue().path("score")).isTrue();
                }
            });
        }
        assertThat(run.terminal()).contains("JMH: " + outcome.completed() + " of " + outcome.completed() + " benchmark variants done");
    }
}
