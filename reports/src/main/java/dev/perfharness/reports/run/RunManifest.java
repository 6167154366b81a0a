package dev.perfharness.reports.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.perfharness.profiles.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runs/<run-id>/run.json}: what a run was made from, on what, and what each of its steps did.
 * The run rewrites it, whole, before and after every step, so the manifest of a run killed half-way is
 * still valid JSON and names the step that was running. Baselines and the gate read it to know what
 * they compare.
 *
 * <p>JSON fields are snake_case ({@code run_id}, {@code started_at}); times are ISO-8601 instants; an
 * unknown value (no git, a run not ended yet) is {@code null}.
 *
 * @param manifestVersion {@link #VERSION}: the layout of this file
 * @param runId           the run directory's name
 * @param suite           quick, ci, full or smoke
 * @param only            the {@code --only} regular expression; null when not given
 * @param startedAt       when the run started
 * @param endedAt         when its last step ended; null while it runs (or when it was killed)
 * @param git             the commit, dirty flag and branch of the project folder
 * @param jdk             the JDK that ran it
 * @param machine         CPU, cores, memory, OS
 * @param environment     the environment's name and description
 * @param variants        the service settings of each variant, by variant name ({@code before}, {@code after})
 * @param steps           every step planned, in order, with its status
 */
public record RunManifest(int manifestVersion, String runId, String suite, String only, Instant startedAt, Instant endedAt,
                          GitState git, JdkInfo jdk, MachineInfo machine, EnvironmentInfo environment,
                          Map<String, Map<String, String>> variants, List<RunStep> steps) {
    public static final int VERSION = 1;
    /** The manifest's name inside a run directory. */
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public RunManifest {
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        (variants == null ? Map.<String, Map<String, String>>of() : variants)
                .forEach((variant, settings) -> copied.put(variant, Collections.unmodifiableMap(new LinkedHashMap<>(settings))));
        variants = Collections.unmodifiableMap(copied);
        steps = steps == null ? List.of() : List.copyOf(steps);
        git = git == null ? GitState.unknown() : git;
    }

    /** This manifest with step {@code index} replaced. */
    public RunManifest withStep(int index, RunStep step) {
        List<RunStep> changed = new ArrayList<>(steps);
        changed.set(index, step);
        return new RunManifest(manifestVersion, runId, suite, only, startedAt, endedAt, git, jdk, machine, environment, variants, changed);
    }

    /** This manifest of a run that ended at {@code at}. */
    public RunManifest ended(Instant at) {
        return new RunManifest(manifestVersion, runId, suite, only, startedAt, at, git, jdk, machine, environment, variants, steps);
    }

    /** The step that is running, if any: in a killed run's manifest, the one it was killed in. */
    public Optional<RunStep> running() {
        return steps.stream().filter(step -> step.status() == StepStatus.RUNNING).findFirst();
    }

    /** Whether a step failed. */
    public boolean anyFailed() {
        return steps.stream().anyMatch(step -> step.status() == StepStatus.FAILED);
    }

    /** Writes the manifest to {@code file} whole: to a temporary sibling first, then renamed over it. */
    public void writeTo(Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run manifest " + file, e);
        }
    }

    /** Reads a manifest {@link #writeTo written} before, by this version or an older one. */
    public static RunManifest read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
