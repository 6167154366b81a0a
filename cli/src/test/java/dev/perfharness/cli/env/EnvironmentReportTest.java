package dev.perfharness.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.FreePorts;
import dev.perfharness.env.state.EnvironmentState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentReportTest {

    @Test
    void anAbsentRegistryIsPrintedWithItsReason() {
        String printed = print(Availability.absent("not run: no engine (no socket at unix:///var/run/docker.sock)"));

        assertThat(printed).contains("registry     not run: no engine (no socket at unix:///var/run/docker.sock)\n");
    }

    @Test
    void aRegistryThatNoLongerAnswersIsPrintedAsSuch() {
        HostAndPort gone = new HostAndPort("127.0.0.1", FreePorts.onLoopback());

        String printed = print(Availability.at(gone.toString(), ""));

        assertThat(printed).contains("registry     " + gone + "  NO ANSWER (not run: no registry answers at " + gone);
    }

    private static String print(Availability registry) {
        // Redis is not running either: the report says so and goes on to the other endpoints.
        Endpoints endpoints = new Endpoints(new HostAndPort("127.0.0.1", FreePorts.onLoopback()), Availability.absent("not run: no engine"),
                Availability.absent("not run: no k3s"), registry, List.of(), List.of());
        StringWriter out = new StringWriter();
        boolean redisAnswers = EnvironmentReport.print(new PrintWriter(out),
                EnvironmentState.of("embedded", 7, endpoints, Instant.parse("2026-01-01T00:00:00Z")), "/tmp/environment.json");
        assertThat(redisAnswers).isFalse();
        return out.toString();
    }
}
