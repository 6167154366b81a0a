package dev.perfharness.env;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.containers.TestcontainersEnvironment;
import dev.perfharness.env.embedded.EmbeddedEnvironment;
import dev.perfharness.env.external.ExternalEnvironment;

/** Starts the environment the settings name. */
public final class Environments {
    private Environments() {
    }

    /**
     * Starts (or, for {@code external}, checks) the environment chosen by {@code env}.
     *
     * @throws EnvironmentException when it cannot be started, with what to do about it
     */
    public static Environment start(HarnessSettings settings) {
        return switch (settings.environment()) {
            case EMBEDDED -> EmbeddedEnvironment.start(settings);
            case TESTCONTAINERS -> TestcontainersEnvironment.start(settings);
            case EXTERNAL -> ExternalEnvironment.connect(settings);
        };
    }
}
