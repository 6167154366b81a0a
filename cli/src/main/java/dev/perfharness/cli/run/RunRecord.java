package dev.perfharness.cli.run;

import dev.perfharness.reports.run.RunManifest;
import dev.perfharness.reports.run.RunStep;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The run's {@code run.json}, rewritten whole after every change: a run killed at any point leaves a
 * manifest that names the step it was in.
 */
final class RunRecord {
    private final Path runDirectory;
    private final Path file;
    private RunManifest manifest;

    RunRecord(Path runDirectory, RunManifest initial) {
        this.runDirectory = runDirectory;
        this.file = runDirectory.resolve(RunManifest.FILE_NAME);
        this.manifest = initial;
        manifest.writeTo(file);
    }

    void started(int index, Instant at) {
        update(index, manifest.steps().get(index).started(at));
    }

    void ended(int index, Instant at, StepResult result) {
        update(index, manifest.steps().get(index).ended(at, result.status(),
                result.outputs().stream().map(output -> runDirectory.relativize(output).toString()).toList(), result.detail()));
    }

    void finished(Instant at) {
        manifest = manifest.ended(at);
        manifest.writeTo(file);
    }

    RunManifest manifest() {
        return manifest;
    }

    private void update(int index, RunStep step) {
        manifest = manifest.withStep(index, step);
        manifest.writeTo(file);
    }
}
