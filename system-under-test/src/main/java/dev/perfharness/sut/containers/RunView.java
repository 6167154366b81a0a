package dev.perfharness.sut.containers;

import java.time.Instant;
import java.util.List;

/**
 * One run as {@code GET /api/v1/containers/runs/{runId}} shows it (snake_case in JSON). Fields not reached
 * yet are null: {@code exit_code} until the container exited, {@code started_at} while queued.
 *
 * @param output the run's container output so far, as {@code ContainerOutput} formatted it, oldest first
 */
public record RunView(
        String runId,
        RunStatus status,
        String image,
        List<String> command,
        Integer exitCode,
        String error,
        List<String> output,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt) {
}
