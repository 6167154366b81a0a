package dev.perfharness.sut.docker;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Docker call within its operation's timeout, maps its failure, and records it; both client
 * variants go through here, so they differ only in the transport (and the pooled one's breaker and bulkhead).
 *
 * <p>Why a thread of its own: the seed bounds each operation with a Go context. docker-java's only bound is
 * the transport's response timeout, which is a socket read timeout (an engine that trickles bytes never trips
 * it) and is one value per transport, not per operation. So the call runs on a virtual thread (a few
 * microseconds to start, nothing to pool) while the caller waits at most the timeout; on expiry the call's
 * thread is interrupted, which closes the socket it is blocked on (JDK socket and channel reads are
 * interruptible on virtual threads), and its connection is dropped rather than reused.
 */
final class TimedCalls {
    private static final Logger log = LoggerFactory.getLogger(TimedCalls.class);

    /** The part of a call that needs the engine, given its timeout. */
    @FunctionalInterface
    interface Body<T> {
        T run(Duration timeout) throws Exception;
    }

    private final OperationTimeouts timeouts;
    private final DockerFailures failures;
    private final DockerCallMetrics metrics;

    TimedCalls(OperationTimeouts timeouts, DockerFailures failures, DockerCallMetrics metrics) {
        this.timeouts = timeouts;
        this.failures = failures;
        this.metrics = metrics;
    }

    /**
     * @throws DockerApiException with reason TIMEOUT, UNREACHABLE, ENGINE_ERROR or CANCELLED
     */
    <T> T run(DockerOperation operation, Body<T> body) {
        Duration timeout = timeouts.of(operation);
        FutureTask<T> task = new FutureTask<>(() -> body.run(timeout));
        long started = System.nanoTime();
        Thread.ofVirtual().name("docker-" + operation.label()).start(task);
        try {
            T result = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            metrics.called(operation, CallOutcome.SUCCESS, System.nanoTime() - started);
            return result;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw failed(operation, started, failures.timedOut(operation, timeout, null));
        } catch (ExecutionException e) {
            throw failed(operation, started, failures.map(operation, timeout, e.getCause()));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(operation, started, failures.cancelled(operation, e));
        }
    }

    private DockerApiException failed(DockerOperation operation, long started, DockerApiException failure) {
        metrics.called(operation, CallOutcome.of(failure.reason()), System.nanoTime() - started);
        log.atDebug()
                .addKeyValue("operation", operation.label())
                .addKeyValue("reason", failure.reason())
                .log(failure.getMessage());
        return failure;
    }

    OperationTimeouts timeouts() {
        return timeouts;
    }
}
