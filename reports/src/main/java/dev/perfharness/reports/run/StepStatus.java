package dev.perfharness.reports.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a step of a run stands: written as {@code pending}, {@code running}, {@code ok}, {@code failed}, {@code skipped}. */
public enum StepStatus {
    /** Not started yet. */
    PENDING,
    /** Started and not ended: in a manifest of a run that was killed, the step it was in. */
    RUNNING,
    /** Ran and produced what it should. */
    OK,
    /** Ran, or tried to, and failed; the step's detail says how. */
    FAILED,
    /** Not run, because what it needs is not there (the step's detail says what). */
    SKIPPED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StepStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
