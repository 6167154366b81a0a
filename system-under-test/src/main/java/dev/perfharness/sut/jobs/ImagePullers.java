package dev.perfharness.sut.jobs;

import dev.perfharness.config.JobSettings;
import dev.perfharness.sut.Backends;

/** Picks the puller the settings name ({@code puller}). */
public final class ImagePullers {
    private ImagePullers() {
    }

    public static ImagePuller create(JobSettings settings, Backends backends) {
        return switch (settings.puller()) {
            case SIMULATED -> new SimulatedPuller(settings.pullDuration(), settings.failureRate(), settings.seed());
            case DOCKER -> throw new dev.perfharness.sut.ServiceException("puller=docker: the docker puller is being wired", null);
        };
    }
}
