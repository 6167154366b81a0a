package dev.perfharness.sut.logs;

import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.logs.LogSource.LogTarget;
import dev.perfharness.sut.ws.OpenConnection;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's pod log stream: find the pod, open its log, copy it to the WebSocket chunk by chunk.
 * Runs on its own virtual thread, so the loop can block on reads and sends like the seed's goroutine.
 *
 * <p>Backpressure: each chunk's send completes before the next read, so a slow client slows the log
 * read instead of queueing megabytes in the service, and a 4 KB read buffer per stream is all it holds.
 * The buffer comes from the service's {@link BufferPool} ({@code buffers}) when the log opens and goes
 * back when the copy ends, on every path: end of log, client gone, read failure, stop.
 *
 * <p>The variants differ only through {@link StreamRules}: the after variant stops at once when the
 * client leaves ({@link #stop()} closes the log and interrupts the loop) and gives discovery a deadline;
 * the before variant notices a departed client only when a send fails, and discovers until the
 * client is gone.
 */
final class PodLogStream {
    private static final Logger log = LoggerFactory.getLogger(PodLogStream.class);
    /** Seed 000: a 4 KB read buffer, reused for the whole stream. */
    static final int READ_BUFFER_BYTES = 4096;
    /** How often discovery lists the job's pods. */
    static final Duration DISCOVERY_POLL = Duration.ofSeconds(1);
    /** RFC 6455: a close reason fits in 123 bytes of UTF-8. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final PodLogRequest request;
    private final StreamRules rules;
    private final LogSource source;
    private final LogMessages messages;
    private final Counter discoveryTimeouts;
    private final OpenConnection connection;
    private final BufferPool buffers;
    private final AtomicReference<InputStream> openLog = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile Thread runner;

    PodLogStream(PodLogRequest request, StreamRules rules, LogSource source, LogMessages messages, Counter discoveryTimeouts,
                 OpenConnection connection, BufferPool buffers) {
        this.request = request;
        this.rules = rules;
        this.source = source;
        this.messages = messages;
        this.discoveryTimeouts = discoveryTimeouts;
        this.connection = connection;
        this.buffers = buffers;
    }

    /** The virtual thread that runs the stream, not started; it runs {@code whenDone} as its last act. */
    Thread thread(String name, Runnable whenDone) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                run();
            } finally {
                whenDone.run();
            }
        });
        runner = thread;
        return thread;
    }

    private void run() {
        try {
            Optional<String> pod = request.pod().isPresent() ? request.pod() : discover(request.job().orElseThrow());
            if (pod.isPresent()) {
                stream(request.target(pod.get()));
            }
        } catch (RuntimeException e) {
            log.atError().setCause(e).addKeyValue("namespace", request.namespace()).addKeyValue("pod", request.pod().orElse(""))
                    .addKeyValue("job", request.job().orElse("")).log("pod log stream failed");
            endWithError(StatusCode.SERVER_ERROR, "pod log stream failed: " + e.getMessage());
        } finally {
            closeLog();
        }
    }

    /**
     * Stops the stream now: closes the log (a blocked read returns) and interrupts the loop (a blocked
     * send or discovery sleep returns). Idempotent; safe from any thread.
     */
    void stop() {
        stopped = true;
        closeLog();
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    /** The service is stopping: stops the stream and closes the WebSocket with 1001. */
    void shutdown() {
        stop();
        connection.close(StatusCode.SHUTDOWN, "server stopping");
    }

    /** The pod of {@code job}, polling every second; empty when the stream ended first. */
    private Optional<String> discover(String job) {
        long started = System.nanoTime();
        while (running()) {
            try {
                Optional<String> pod = source.findJobPod(request.namespace(), job);
                if (pod.isPresent()) {
                    boolean told = messages.podFound(pod.get()).map(connection::sendAndWait).orElse(true);
                    return told ? pod : Optional.empty();
                }
            } catch (LogSourceException e) {
                log.atDebug().addKeyValue("namespace", request.namespace()).addKeyValue("job", job)
                        .addKeyValue("error", e.getMessage()).log("failed to list pods for job");
            }
            long waitNanos = DISCOVERY_POLL.toNanos();
            if (rules.discoveryTimeout().isPresent()) {
                long remaining = rules.discoveryTimeout().get().toNanos() - (System.nanoTime() - started);
                if (remaining <= 0) {
                    discoveryTimedOut(job);
                    return Optional.empty();
                }
                waitNanos = Math.min(waitNanos, remaining);
            }
            if (!pause(waitNanos)) {
                break;
            }
        }
        return Optional.empty();
    }

    private void discoveryTimedOut(String job) {
        Duration timeout = rules.discoveryTimeout().orElseThrow();
        discoveryTimeouts.increment();
        log.atWarn().addKeyValue("namespace", request.namespace()).addKeyValue("job", job).addKeyValue("timeout", timeout)
                .log("timeout waiting for job pod");
        // 1013, try again later: the job may still get its pod.
        endWithError(StatusCode.TRY_AGAIN_LATER, "timeout waiting for job pod after " + describe(timeout));
    }

    private void stream(LogTarget target) {
        InputStream logStream;
        try {
            logStream = source.openLog(target, request.tailLines());
        } catch (LogSourceException e) {
            log.atWarn().addKeyValue("namespace", target.namespace()).addKeyValue("pod", target.pod())
                    .addKeyValue("container", target.container().orElse("")).addKeyValue("error", e.getMessage())
                    .log("failed to open pod log");
            endWithError(StatusCode.SERVER_ERROR, e.getMessage());
            return;
        }
        openLog.set(logStream);
        if (stopped) {
            // stop() came between the open and the set, and found nothing to close.
            closeLog();
            return;
        }
        try {
            if (copy(logStream)) {
                connection.close(StatusCode.NORMAL, "end of log");
            }
        } catch (IOException e) {
            if (stopped || Thread.currentThread().isInterrupted()) {
                log.atDebug().addKeyValue("namespace", target.namespace()).addKeyValue("pod", target.pod())
                        .log("pod log stream stopped (client left or service stopping)");
            } else {
                log.atWarn().addKeyValue("namespace", target.namespace()).addKeyValue("pod", target.pod())
                        .addKeyValue("container", target.container().orElse("")).addKeyValue("error", e.toString())
                        .log("failed to stream logs");
                endWithError(StatusCode.SERVER_ERROR, "log stream failed: " + e.getMessage());
            }
        }
    }

    /**
     * Copies the log until it ends (true) or a send fails because the client left (false).
     *
     * @throws IOException when the log cannot be read, including because {@link #stop()} closed it
     */
    private boolean copy(InputStream logStream) throws IOException {
        try (BufferPool.Buffer buffer = buffers.acquire(READ_BUFFER_BYTES)) {
            // A pooled buffer may be larger (a tier's size); reads stay at 4 KB so chunks keep their size.
            byte[] bytes = buffer.array();
            int offset = buffer.offset();
            Utf8Chunks text = new Utf8Chunks(READ_BUFFER_BYTES);
            int read;
            while ((read = logStream.read(bytes, offset, READ_BUFFER_BYTES)) >= 0) {
                if (read > 0 && !send(text.decode(bytes, offset, read))) {
                    return false;
                }
            }
            return send(text.finish());
        }
    }

    /** Sends one chunk and waits for the write; false when the client is gone. */
    private boolean send(String text) {
        if (text.isEmpty()) {
            return true;
        }
        Optional<String> json = messages.chunk(text);
        if (json.isEmpty()) {
            return true;
        }
        if (connection.sendAndWait(json.get())) {
            return true;
        }
        log.atDebug().addKeyValue("namespace", request.namespace()).addKeyValue("pod", request.pod().orElse(""))
                .addKeyValue("job", request.job().orElse("")).log("pod log send failed: the client is gone");
        return false;
    }

    /** Tells the client why the stream ends, then closes with {@code code}; nothing when it already left. */
    private void endWithError(int code, String reason) {
        if (!connection.isOpen()) {
            return;
        }
        messages.failure(reason).ifPresent(connection::sendAndWait);
        connection.close(code, closeReason(reason));
    }

    private boolean running() {
        return !stopped && connection.isOpen();
    }

    /** Sleeps; false when interrupted (by {@link #stop()}). */
    private static boolean pause(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeLog() {
        InputStream logStream = openLog.getAndSet(null);
        if (logStream == null) {
            return;
        }
        try {
            logStream.close();
        } catch (IOException | RuntimeException e) {
            log.atDebug().addKeyValue("namespace", request.namespace()).addKeyValue("pod", request.pod().orElse(""))
                    .addKeyValue("error", e.toString()).log("stream close error");
        }
    }

    /** "60 seconds", "1 second", "300 milliseconds": the configured value as a person reads it. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return millis == 1 ? "1 millisecond" : millis + " milliseconds";
    }

    /** The reason cut to the 123 bytes a close frame carries, without splitting a character. */
    static String closeReason(String reason) {
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int codePoint = reason.codePointAt(end);
            int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + length > MAX_CLOSE_REASON_BYTES) {
                break;
            }
            bytes += length;
            end += Character.charCount(codePoint);
        }
        return reason.substring(0, end);
    }
}
