package dev.perfharness.env.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTheEndpointsAndLeavesNoTemporaryFile() throws IOException {
        StateFile file = new StateFile(dir);
        Endpoints endpoints = new Endpoints(new HostAndPort("127.0.0.1", 6390),
                Availability.at("unix:///var/run/docker.sock", ""), Availability.absent("not run: no k3s"),
                List.of(42L), List.of("abc123"));

        file.write(EnvironmentState.of("embedded", 7, endpoints, Instant.parse("2026-01-01T00:00:00Z")));

        EnvironmentState read = file.read().orElseThrow();
        assertThat(read.endpoints()).isEqualTo(endpoints);
        assertThat(read.holderPid()).isEqualTo(7);
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("environment.json");
        }
    }

    @Test
    void aCorruptStateNamesTheFile() throws IOException {
        StateFile file = new StateFile(dir);
        Files.writeString(file.path(), "{\"environment\": \"embedded\", \"holderPid\": ");

        assertThatThrownBy(file::read).hasMessageContaining(file.path().toString());
    }

    @Test
    void noFileMeansNoEnvironment() {
        assertThat(new StateFile(dir).read()).isEmpty();
    }
}
