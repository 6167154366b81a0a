package dev.perfharness.sut.images;

import com.github.dockerjava.api.DockerClient;
import dev.perfharness.env.DockerEngine;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApiException;
import dev.perfharness.sut.docker.DockerOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The least {@link DockerApi} there is, for tests: one docker-java client from {@link DockerEngine#client},
 * seed 002's per-operation timeouts, every failure wrapped with its operation. No pool, breaker or bulkhead.
 */
final class EngineDockerApi implements DockerApi {
    private final DockerClient client;

    EngineDockerApi(String engine) {
        this.client = DockerEngine.client(engine, Duration.ofMinutes(15));
    }

    @Override
    public <T> T call(DockerOperation operation, DockerCall<T> call) {
        try {
            return call.run(client, timeout(operation));
        } catch (TimeoutException e) {
            throw new DockerApiException(operation, DockerApiException.Reason.TIMEOUT, operation.label() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerApiException(operation, DockerApiException.Reason.TIMEOUT, operation.label() + " interrupted", e);
        } catch (Exception e) {
            throw new DockerApiException(operation, DockerApiException.Reason.ENGINE_ERROR, operation.label() + ": " + e.getMessage(), e);
        }
    }

    private static Duration timeout(DockerOperation operation) {
        return switch (operation.timeoutClass()) {
            case PULL -> Duration.ofMinutes(5);
            case BUILD -> Duration.ofMinutes(15);
            case PUSH -> Duration.ofMinutes(10);
            case START -> Duration.ofMinutes(2);
            case STOP -> Duration.ofSeconds(30);
        };
    }

    /** The client itself, for test set-up and clean-up. */
    DockerClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
