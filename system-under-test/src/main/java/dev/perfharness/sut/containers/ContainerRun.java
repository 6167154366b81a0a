package dev.perfharness.sut.containers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state of one run. Moves only forward (queued, running, then one terminal status) and the first
 * transition wins: a shutdown cancelling a queued run and a worker starting it cannot both succeed.
 */
final class ContainerRun {
    private final String id;
    private final RunRequest request;
    private final Instant queuedAt;
    private RunStatus status = RunStatus.QUEUED;
    private Integer exitCode;
    private String error;
    private Instant startedAt;
    private Instant finishedAt;

    ContainerRun(String id, RunRequest request, Instant queuedAt) {
        this.id = id;
        this.request = request;
        this.queuedAt = queuedAt;
    }

    String id() {
        return id;
    }

    RunRequest request() {
        return request;
    }

    /** Queued to running; false when the run is no longer queued (cancelled meanwhile). */
    synchronized boolean start(Instant now) {
        if (status != RunStatus.QUEUED) {
            return false;
        }
        status = RunStatus.RUNNING;
        startedAt = now;
        return true;
    }

    /** To a terminal status; false when the run had ended already. */
    synchronized boolean finish(RunStatus terminal, Integer exitCode, String error, Instant now) {
        if (!terminal.terminal()) {
            throw new IllegalArgumentException(terminal + " is not a terminal status");
        }
        if (status.terminal()) {
            return false;
        }
        this.status = terminal;
        this.exitCode = exitCode;
        this.error = error;
        this.finishedAt = now;
        return true;
    }

    synchronized RunStatus status() {
        return status;
    }

    /** Time spent queued; null while still queued. */
    synchronized Duration queueWait() {
        return startedAt == null ? null : Duration.between(queuedAt, startedAt);
    }

    /** Time from start to end; null unless the run both started and ended. */
    synchronized Duration runTime() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    synchronized RunView view(List<String> output) {
        return new RunView(id, status, request.image(), request.command(), exitCode, error, output, queuedAt, startedAt, finishedAt);
    }
}
