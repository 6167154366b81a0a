package dev.perfharness.sut.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Container logs from a Docker engine ({@code logs.source=docker}): a Kubernetes-free stand-in with real
 * processes writing real logs.
 *
 * <p>The mapping: a pod is a container, by name; a job's pods are the containers labelled
 * {@code job-name=<job>}. Docker has no namespaces, so the namespace is accepted and not used, and a
 * container has one log, so the {@code container} parameter is not used either.
 */
public final class DockerLogSource implements LogSource {
    /** Docker states whose containers have started and so have a log; "created" has none yet. */
    private static final java.util.Set<String> STATES_WITHOUT_LOGS = java.util.Set.of("created");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Zero means none: a followed log may stay quiet for as long as its container does. */
    private static final Duration NO_TIMEOUT = Duration.ZERO;

    private final DockerClient requests;
    private final DockerClient follows;

    /** @param dockerHost the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375}) */
    public DockerLogSource(String dockerHost) {
        this.requests = client(dockerHost, REQUEST_TIMEOUT);
        this.follows = client(dockerHost, NO_TIMEOUT);
    }

    @Override
    public Optional<String> findJobPod(String namespace, String job) {
        try {
            return requests.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(JOB_LABEL, job))
                    .exec().stream()
                    .filter(container -> !STATES_WITHOUT_LOGS.contains(container.getState()))
                    // Created is in whole seconds; on a tie max keeps the first, and the engine lists newest first.
                    .max(Comparator.comparing(Container::getCreated))
                    .map(DockerLogSource::name);
        } catch (RuntimeException e) {
            throw new LogSourceException("listing containers of job %s failed: %s".formatted(job, e.getMessage()), e);
        }
    }

    @Override
    public InputStream openLog(LogTarget target, OptionalInt tailLines) {
        try {
            // Fails fast and clearly; the log request itself reports a missing container only asynchronously.
            requests.inspectContainerCmd(target.pod()).exec();
        } catch (NotFoundException e) {
            throw new LogSourceException("no container named %s on the Docker engine".formatted(target.pod()), e);
        } catch (RuntimeException e) {
            throw new LogSourceException("inspecting container %s failed: %s".formatted(target.pod(), e.getMessage()), e);
        }
        LogContainerCmd command = follows.logContainerCmd(target.pod())
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true);
        command = tailLines.isPresent() ? command.withTail(tailLines.getAsInt()) : command.withTailAll();
        return command.exec(new DockerLogStream());
    }

    @Override
    public void close() {
        closeQuietly(follows);
        closeQuietly(requests);
    }

    private static String name(Container container) {
        String[] names = container.getNames();
        if (names == null || names.length == 0) {
            return container.getId();
        }
        // The engine lists names with a leading slash.
        return names[0].startsWith("/") ? names[0].substring(1) : names[0];
    }

    private static DockerClient client(String host, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // Closing at shutdown: nothing left to do with the error.
        }
    }
}
