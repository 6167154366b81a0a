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
                Availability.at("127.0.0.1:41234", ""), List.of(42L), List.of("abc123"));

        file.write(EnvironmentState.of("embedded", 7, endpoints, Instant.parse("2026-01-01T00:00:00Z")));

        EnvironmentState read = file.read().orElseThrow();
        assertThat(read.endpoints()).isEqualTo(endpoints);
        assertThat(read.holderPid()).isEqualTo(7);
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("environment.json");
        }
    }

    @Test
    void anAbsentRegistryKeepsItsReason() {
        StateFile file = new StateFile(dir);
        Endpoints endpoints = new Endpoints(new HostAndPort("127.0.0.1", 6390), Availability.absent("not run: no engine"),
                Availability.absent("not run: no k3s"), Availability.absent("not run: no engine to run it"), List.of(), List.of());

        file.write(EnvironmentState.of("embedded", 7, endpoints, Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(file.read().orElseThrow().endpoints().registry()).isEqualTo(Availability.absent("not run: no engine to run it"));
    }

    @Test
    void aStateWithoutARegistryReadsAsNotRecorded() throws IOException {
        StateFile file = new StateFile(dir);
        Files.writeString(file.path(), """
                {"environment": "embedded", "holderPid": 7, "redis": "127.0.0.1:6390",
                 "docker": "unix:///var/run/docker.sock", "dockerAvailable": true,
                 "kubernetes": "not run: no k3s", "kubernetesAvailable": false,
                 "processes": [42], "containers": [], "startedAt": "2026-01-01T00:00:00Z"}
                """);

        Endpoints endpoints = file.read().orElseThrow().endpoints();

        assertThat(endpoints.registry().available()).isFalse();
        assertThat(endpoints.registry().note()).startsWith("not recorded");
        assertThat(endpoints.docker().address()).hasValue("unix:///var/run/docker.sock");
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
