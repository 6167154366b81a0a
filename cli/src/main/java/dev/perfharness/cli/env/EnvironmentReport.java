package dev.perfharness.cli.env;

import dev.perfharness.env.Endpoints;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.RedisPing;
import dev.perfharness.env.state.EnvironmentState;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints every endpoint of an environment, with Redis's answer to PING. */
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
}
