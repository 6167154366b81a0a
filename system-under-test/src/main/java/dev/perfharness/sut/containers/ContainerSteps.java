package dev.perfharness.sut.containers;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.perfharness.sut.docker.AsyncCommands;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApiException;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import dev.perfharness.sut.docker.DockerOperation;
import dev.perfharness.sut.output.ContainerOutput;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with one run: create a container (host network, never a pull), start it, wait for its
 * exit, hand its output to {@link ContainerOutput} line by line, and remove it. Each step is one
 * {@link DockerApi} call with its operation's timeout; the container is removed whatever happened after it
 * was created, even when the run is being cancelled.
 */
final class ContainerSteps {
    private static final Logger log = LoggerFactory.getLogger(ContainerSteps.class);
    /** The label that ties a container to its run, for anyone cleaning up by hand. */
    static final String RUN_LABEL = "dev.perfharness.run";

    /** How a run ended. */
    record Ending(RunStatus status, Integer exitCode, String error) {
        static Ending exited(int exitCode) {
            return exitCode == 0
                    ? new Ending(RunStatus.COMPLETED, 0, null)
                    : new Ending(RunStatus.FAILED, exitCode, "the command exited with code " + exitCode);
        }

        static Ending of(DockerApiException failure) {
            if (failure.reason() == Reason.CANCELLED || Thread.currentThread().isInterrupted()) {
                return new Ending(RunStatus.CANCELLED, null, "the service shut down while the run was running");
            }
            return new Ending(RunStatus.FAILED, null, failure.getMessage());
        }
    }

    private final DockerApi docker;
    private final ContainerOutput output;
    private final String namePrefix;

    ContainerSteps(DockerApi docker, ContainerOutput output, String namePrefix) {
        this.docker = docker;
        this.output = output;
        this.namePrefix = namePrefix;
    }

    Ending perform(ContainerRun run) {
        String containerId;
        try {
            containerId = create(run);
        } catch (DockerApiException e) {
            if (e.reason() != DockerApiException.Reason.ENGINE_ERROR) {
                // A create that timed out or was cancelled may still have made the container: remove it by name.
                remove(run, namePrefix + run.id());
            }
            return Ending.of(e);
        }
        try {
            return startWaitAndRead(run, containerId);
        } finally {
            remove(run, containerId);
        }
    }

    private Ending startWaitAndRead(ContainerRun run, String containerId) {
        Integer exitCode = null;
        DockerApiException failure = null;
        try {
            docker.call(DockerOperation.START, (client, timeout) -> {
                client.startContainerCmd(containerId).exec();
                return null;
            });
            exitCode = docker.call(DockerOperation.WAIT, (client, timeout) -> {
                try (WaitContainerResultCallback exit = client.waitContainerCmd(containerId).exec(new WaitContainerResultCallback())) {
                    return AsyncCommands.await(exit, timeout).awaitStatusCode();
                }
            });
        } catch (DockerApiException e) {
            failure = e;
        }
        // A run that ran out of time still shows what it wrote until then.
        if (failure == null || failure.reason() == Reason.TIMEOUT) {
            try {
                readOutput(run, containerId);
            } catch (DockerApiException e) {
                failure = failure == null ? e : failure;
            }
        }
        return failure == null ? Ending.exited(exitCode) : Ending.of(failure);
    }

    private String create(ContainerRun run) {
        RunRequest request = run.request();
        return docker.call(DockerOperation.CREATE, (client, timeout) -> client.createContainerCmd(request.image())
                .withName(namePrefix + run.id())
                .withCmd(request.command())
                .withLabels(Map.of(RUN_LABEL, run.id()))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
                .exec()
                .getId());
    }

    private void readOutput(ContainerRun run, String containerId) {
        docker.call(DockerOperation.LOGS, (client, timeout) -> {
            try (FrameLines lines = client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .exec(new FrameLines(line -> output.accept(run.id(), line)))) {
                AsyncCommands.await(lines, timeout).finish();
            }
            return null;
        });
        output.flush();
    }

    /** Removes the container, also when the run is being cancelled: the interrupt waits until it is gone. */
    private void remove(ContainerRun run, String containerId) {
        boolean interrupted = Thread.interrupted();
        try {
            docker.call(DockerOperation.REMOVE, (client, timeout) -> {
                client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
                return null;
            });
        } catch (DockerApiException e) {
            if (!(e.getCause() instanceof NotFoundException)) {
                log.atWarn()
                        .addKeyValue("run", run.id())
                        .addKeyValue("container", namePrefix + run.id())
                        .addKeyValue("reason", e.reason())
                        .log("a run's container could not be removed and is left on the engine: " + e.getMessage());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
