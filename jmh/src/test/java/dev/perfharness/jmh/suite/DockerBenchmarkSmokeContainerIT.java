package dev.perfharness.jmh.suite;

import dev.perfharness.env.RequiresDocker;
import dev.perfharness.jmh.support.Backend;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark classes that need the engine or the local registry, run once each against the real ones. */
@RequiresDocker
class DockerBenchmarkSmokeContainerIT {
    private static SmokeRuns runs;

    @BeforeAll
    static void startEnvironment() {
        runs = new SmokeRuns();
    }

    @AfterAll
    static void stopEnvironment() {
        runs.close();
    }

    static Stream<String> withEngine() {
        return SmokeRuns.benchmarkClasses(needs -> needs.contains(Backend.DOCKER) || needs.contains(Backend.REGISTRY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withEngine")
    void runsEveryVariant(String benchmarkClass, @TempDir Path runDirectory) {
        BenchmarkSmokeIT.assertSane(runs.run(benchmarkClass, runDirectory, false), benchmarkClass);
    }
}
