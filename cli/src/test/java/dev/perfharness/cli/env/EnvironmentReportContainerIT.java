package dev.perfharness.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.embedded.EmbeddedEnvironment;
import dev.perfharness.env.state.EnvironmentState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code env status}'s report of an embedded environment with its registry on the real engine. */
@RequiresDocker
class EnvironmentReportContainerIT {

    @Test
    void theRegistryIsPrintedWithTheSeedImagesItHolds() {
        try (EmbeddedEnvironment environment = EmbeddedEnvironment.start(TestSettings.forEnvironment(EnvironmentName.EMBEDDED))) {
            String registry = environment.endpoints().registry().address().orElseThrow();
            StringWriter out = new StringWriter();

            boolean redisAnswers = EnvironmentReport.print(new PrintWriter(out),
                    EnvironmentState.of("embedded", ProcessHandle.current().pid(), environment.endpoints(), Instant.now()), "state.json");

            assertThat(redisAnswers).isTrue();
            assertThat(out.toString()).contains("registry     " + registry
                    + "  answers; seed images: perf-harness/blob-1m:1, perf-harness/blob-10m:1, perf-harness/blob-50m:1\n");
            assertThat(out.toString()).contains("containers   [" + environment.endpoints().containers().getFirst().substring(0, 12) + "]");
        }
    }
}
