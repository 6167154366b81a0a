package dev.perfharness.sut.logs;

import dev.perfharness.config.PodLogSettings;
import dev.perfharness.sut.Backends;
import dev.perfharness.sut.ServiceException;

/** Picks the log source that {@code logs.source} names, from the backends the environment provides. */
public final class LogSources {
    private static final String SETTING = "logs.source";

    private LogSources() {
    }

    /**
     * @throws ServiceException when the chosen source needs a backend the environment lacks
     */
    public static LogSource create(PodLogSettings settings, Backends backends) {
        return switch (settings.source()) {
            case SYNTHETIC -> SyntheticLogSource.from(settings);
            case KUBERNETES -> new KubernetesLogSource(backends.kubernetes().orElseThrow(() -> missing("kubernetes",
                    "a Kubernetes API (k3s with containers.k3s=true, or a kubeconfig for the external environment)")));
            case DOCKER -> new DockerLogSource(backends.dockerHost().orElseThrow(() -> missing("docker",
                    "a Docker engine (scripts/docker-engine.sh starts one; DOCKER_HOST names another)")));
        };
    }

    private static ServiceException missing(String source, String what) {
        return new ServiceException("%s=%s needs %s, and this environment has none; use %s=synthetic or provide one"
                .formatted(SETTING, source, what, SETTING), null);
    }
}
