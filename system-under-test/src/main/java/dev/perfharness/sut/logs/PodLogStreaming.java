package dev.perfharness.sut.logs;

import dev.perfharness.config.BufferSettings;
import dev.perfharness.config.BufferSettings.BufferVariant;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.buffers.BufferPools;
import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.ws.OpenConnection;
import dev.perfharness.sut.ws.WebSocketConnections;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/pod-logs?namespace=&pod=&job=&container=&tailLines=}: a container's log, followed,
 * over a WebSocket; seed 000/001's {@code ws_pod_logs.go} in its before and after variants
 * ({@code logs=before|after}).
 *
 * <h2>Request</h2>
 * {@code namespace} is required, and {@code pod} or {@code job} (a pod wins; a job's pod is discovered by
 * the label {@code job-name=<job>}). {@code container} picks a container of the pod. {@code tailLines}
 * starts with the last lines. Refused before the upgrade with HTTP 400 and
 * {@code {"error":"...","parameter":"...","value":"..."}} ({@code value} when one was given): a missing
 * namespace, neither pod nor job, a {@code tailLines} that is not a positive whole number, and, after
 * only, a {@code tailLines} above {@code logs.max-tail-lines}. After {@link #close()}: 503.
 *
 * <h2>Messages (server to client, JSON text frames)</h2>
 * <ul>
 *   <li>{@code {"type":"pod","pod":"job-1-x7k2p"}}: the pod discovery chose (job requests only).</li>
 *   <li>{@code {"type":"log","data":"..."}}: the next piece of the log, as read: up to 4 KB of bytes,
 *       so several lines, or a line cut anywhere but inside a character. Concatenating {@code data}
 *       gives the log.</li>
 *   <li>{@code {"type":"error","message":"..."}}: why the stream ends early, followed by a close with
 *       1013 (discovery timeout: {@code timeout waiting for job pod after 60 seconds}) or 1011 (the log
 *       could not be opened or read).</li>
 * </ul>
 * The end of the log closes with 1000 {@code end of log}. Client messages are read and ignored.
 *
 * <h2>Variants</h2>
 * <table>
 *   <caption>What the variants do differently</caption>
 *   <tr><th></th><th>before</th><th>after (seed 000)</th></tr>
 *   <tr><td>tailLines</td><td>any; none means the whole log</td><td>at most the limit; none means the limit</td></tr>
 *   <tr><td>discovery</td><td>until the client leaves</td><td>{@code logs.discovery-timeout}, counted in
 *       {@code pod_discovery_timeouts_total}</td></tr>
 *   <tr><td>client leaves</td><td>noticed when a send fails (a quiet log holds its stream)</td>
 *       <td>stream stops and the log closes at once (the seed's readDone)</td></tr>
 *   <tr><td>heartbeat ping</td><td>no</td><td>yes</td></tr>
 * </table>
 * Both read with one reused 4 KB buffer on a virtual thread per stream and send one chunk at a time; the
 * buffer comes from the {@code buffers} pool the service passes in.
 */
public final class PodLogStreaming implements AutoCloseable {
    public static final String ENDPOINT = "/ws/pod-logs";
    private static final Logger log = LoggerFactory.getLogger(PodLogStreaming.class);
    /** How long {@link #close()} waits for stopped streams to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final StreamRules rules;
    private final LogSource source;
    private final WebSocketConnections connections;
    private final ServiceMetrics metrics;
    private final Counter discoveryTimeouts;
    private final BufferPool buffers;
    private final Map<PodLogStream, Thread> running = new ConcurrentHashMap<>();
    private final AtomicLong streamIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Streams that read into a new array each ({@code buffers=none}).
     *
     * @param source owned from here on: {@link #close()} closes it
     */
    public PodLogStreaming(PodLogSettings settings, LogSource source, WebSocketConnections connections, ServiceMetrics metrics) {
        this(settings, source, connections, metrics, BufferPools.create(new BufferSettings(BufferVariant.NONE, 0), metrics));
    }

    /**
     * @param source  owned from here on: {@link #close()} closes it
     * @param buffers where each stream gets its read buffer; not owned (the tar path shares it), so not closed here
     */
    public PodLogStreaming(PodLogSettings settings, LogSource source, WebSocketConnections connections, ServiceMetrics metrics,
                           BufferPool buffers) {
        this.rules = StreamRules.of(settings);
        this.source = source;
        this.connections = connections;
        this.metrics = metrics;
        this.buffers = buffers;
        this.discoveryTimeouts = Counter.builder("pod.discovery.timeouts")
                .description("pod log streams that ended because their job had no pod within logs.discovery-timeout")
                .register(metrics.registry());
    }

    /** Validates the query before the upgrade; register it with {@code container.addMapping("/ws/pod-logs", creator())}. */
    public WebSocketCreator creator() {
        return (upgradeRequest, upgradeResponse, callback) -> {
            if (closed.get()) {
                JsonResponse.send(upgradeResponse, HttpStatus.SERVICE_UNAVAILABLE_503, Map.of("error", "the pod log stream is shutting down"), callback);
                return null;
            }
            Fields query = Request.extractQueryParameters(upgradeRequest);
            try {
                return new PodLogSocket(PodLogRequest.parse(query::getValue, rules), this);
            } catch (InvalidPodLogRequest e) {
                log.atDebug().addKeyValue("parameter", e.parameter()).addKeyValue("value", e.value().orElse(""))
                        .addKeyValue("error", e.getMessage()).log("pod log request refused");
                JsonResponse.send(upgradeResponse, HttpStatus.BAD_REQUEST_400, e.body(), callback);
                return null;
            }
        };
    }

    /**
     * Stops every stream (closing its log and its WebSocket with 1001), waits briefly for their threads,
     * and closes the log source. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running.keySet().forEach(PodLogStream::shutdown);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread thread : running.values()) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!running.isEmpty()) {
            log.atWarn().addKeyValue("streams", running.size()).addKeyValue("waited", STOP_WAIT).log("pod log streams still running after close");
        }
        source.close();
    }

    StreamRules rules() {
        return rules;
    }

    WebSocketConnections connections() {
        return connections;
    }

    /** Starts the stream of a connection that has just opened. */
    PodLogStream start(PodLogRequest request, OpenConnection connection) {
        PodLogStream stream = new PodLogStream(request, rules, source, new LogMessages(metrics, request), discoveryTimeouts, connection,
                buffers);
        Thread thread = stream.thread("pod-logs-" + streamIds.incrementAndGet(), () -> running.remove(stream));
        running.put(stream, thread);
        thread.start();
        if (closed.get()) {
            stream.shutdown();
        }
        return stream;
    }

    /** Streams whose loop is still running. */
    int runningStreams() {
        return running.size();
    }
}
