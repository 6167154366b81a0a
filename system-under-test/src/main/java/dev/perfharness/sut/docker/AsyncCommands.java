package dev.perfharness.sut.docker;

import com.github.dockerjava.api.async.ResultCallbackTemplate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * For docker-java's asynchronous commands (wait, logs, pull, build, push) inside a {@link DockerApi.DockerCall}:
 * they answer through a callback, so the call must wait for it, and no longer than its timeout.
 */
public final class AsyncCommands {
    private AsyncCommands() {
    }

    /**
     * Waits until {@code callback} completes. Close the callback afterwards (try-with-resources): that ends the
     * engine's response if it is still streaming.
     *
     * @return {@code callback}, completed
     * @throws TimeoutException when it did not complete within {@code timeout} ({@link DockerApi} reports TIMEOUT)
     * @throws RuntimeException the first error the engine's response delivered, as docker-java reports it
     */
    public static <C extends ResultCallbackTemplate<?, ?>> C await(C callback, Duration timeout) throws InterruptedException, TimeoutException {
        if (!callback.awaitCompletion(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("no completion within " + OperationTimeouts.format(timeout));
        }
        return callback;
    }
}
