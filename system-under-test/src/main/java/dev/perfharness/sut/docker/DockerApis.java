package dev.perfharness.sut.docker;

import dev.perfharness.config.DockerSettings;
import dev.perfharness.sut.metrics.ServiceMetrics;

/** Picks the Docker client that {@code docker.client} names, with the timeouts {@code docker.timeouts} names. */
public final class DockerApis {
    private DockerApis() {
    }

    /**
     * Builds the client without contacting the engine: the first call finds out whether it answers.
     *
     * @param dockerHost the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://127.0.0.1:2375})
     * @throws IllegalArgumentException when docker-java cannot use {@code dockerHost}
     */
    public static DockerApi create(DockerSettings settings, String dockerHost, ServiceMetrics metrics) {
        EngineClients clients = new EngineClients(dockerHost);
        DockerFailures failures = new DockerFailures(dockerHost);
        DockerCallMetrics callMetrics = new DockerCallMetrics(metrics);
        TimedCalls calls = new TimedCalls(OperationTimeouts.from(settings.timeouts()), failures, callMetrics);
        return switch (settings.client()) {
            case PER_CALL -> new PerCallDockerApi(clients, calls);
            case POOLED -> new PooledDockerApi(settings, clients, calls, failures, callMetrics);
        };
    }
}
