package dev.perfharness.cli.env;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.Registries;
import dev.perfharness.env.RegistrySeeder;
import dev.perfharness.env.state.EnvironmentState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Prints every endpoint of an environment, with Redis's answer to PING and the registry's to its version check. */
final class EnvironmentReport {
    private EnvironmentReport() {
    }

    /** @return whether Redis answered */
    static boolean print(PrintWriter out, EnvironmentState state, String stateFile) {
        Endpoints endpoints = state.endpoints();
        String pong;
        boolean redisAnswers;
        try {
            pong = RedisPing.ping(endpoints.redis(), Duration.ofSeconds(2));
            redisAnswers = true;
        } catch (EnvironmentException e) {
            pong = "NO ANSWER (" + e.getMessage() + ")";
            redisAnswers = false;
        }
        out.printf("environment  %s, up since %s, held by pid %d%n", state.environment(), state.startedAt(), state.holderPid());
        out.printf("redis        redis://%s  %s%n", endpoints.redis(), pong);
        out.printf("docker       %s%n", endpoints.docker().describe());
        out.printf("kubernetes   %s%n", endpoints.kubernetes().describe());
        out.printf("registry     %s%n", registry(endpoints.registry()));
        if (!endpoints.processes().isEmpty()) {
            out.printf("processes    %s%n", endpoints.processes());
        }
        if (!endpoints.containers().isEmpty()) {
            out.printf("containers   %s%n", endpoints.containers().stream().map(id -> id.substring(0, 12)).toList());
        }
        out.printf("state        %s%n", stateFile);
        out.flush();
        return redisAnswers;
    }

    /** "127.0.0.1:41234  answers; seed images: perf-harness/blob-1m:1, ...", or why there is no registry. */
    static String registry(Availability registry) {
        if (!registry.available()) {
            return registry.describe();
        }
        HostAndPort address = HostAndPort.parse(registry.address().orElseThrow());
        Availability probed = Registries.probe(address, "");
        if (!probed.available()) {
            return address + "  NO ANSWER (" + probed.note() + ")";
        }
        try {
            List<String> held = RegistrySeeder.IMAGES.stream()
                    .filter(image -> RegistrySeeder.holds(address, image))
                    .map(image -> image.repository() + ":" + image.tag())
                    .toList();
            return address + "  answers; seed images: " + (held.isEmpty() ? "none" : String.join(", ", held));
        } catch (EnvironmentException e) {
            return address + "  answers, but listing its images failed (" + e.getMessage() + ")";
        }
    }
}
