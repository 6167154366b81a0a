package dev.perfharness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;

/**
 * The service's one way to talk to the Docker engine. Every call names its operation, which decides
 * its timeout (fixed, or per kind of operation), the latency histogram it is recorded in, and, in the
 * pooled variant, passes through the circuit breaker and the bulkhead.
 */
public interface DockerApi extends AutoCloseable {

    /**
     * Runs {@code call} with a docker-java client: a new one for this call (per-call variant) or the
     * shared pooled one.
     *
     * @throws DockerApiException when the call fails, times out, or is refused (breaker open, bulkhead full)
     */
    <T> T call(DockerOperation operation, DockerCall<T> call);

    /** What a caller does with the client, within {@code timeout} (async commands await their callback that long). */
    @FunctionalInterface
    interface DockerCall<T> {
        T run(DockerClient client, Duration timeout) throws Exception;
    }

    @Override
    void close();
}
