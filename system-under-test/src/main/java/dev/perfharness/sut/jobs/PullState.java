package dev.perfharness.sut.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an image pull is in its life. */
public enum PullState {
    PENDING, PULLING, COMPLETED, FAILED;

    /** Pending and pulling jobs are "active": the dashboard's {@code pull-active} list. */
    public boolean active() {
        return this == PENDING || this == PULLING;
    }

    public boolean finished() {
        return !active();
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
