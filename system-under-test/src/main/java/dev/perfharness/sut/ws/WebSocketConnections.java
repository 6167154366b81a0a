package dev.perfharness.sut.ws;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open WebSocket of the service, by endpoint, with one heartbeat thread for all of them.
 *
 * <p>The heartbeat pings each connection that asked for it every ping interval (seed 000: 54 s,
 * 9/10 of a 60 s read deadline) and closes any whose oldest unfinished write is older than the write
 * timeout (seed 001: 10 s). One sweep over a set replaces the seed's ticker per connection: the cost
 * of an idle connection stays a set entry, not a timer.
 */
public final class WebSocketConnections implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebSocketConnections.class);
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    private final Set<OpenConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> activeByEndpoint = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Duration pingInterval;
    private final Duration writeTimeout;
    private final ScheduledExecutorService heartbeat;
    private volatile long lastPingNanos = System.nanoTime();

    public WebSocketConnections(MeterRegistry registry, Duration pingInterval, Duration writeTimeout) {
        this.registry = registry;
        this.pingInterval = pingInterval;
        this.writeTimeout = writeTimeout;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ws-heartbeat").daemon().factory());
        long period = Math.min(SWEEP_PERIOD.toMillis(), pingInterval.toMillis());
        heartbeat.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Makes {@code ws_connections_active{endpoint}} appear at 0 before the first connection. */
    public void declare(String endpoint) {
        counter(endpoint);
    }

    private AtomicInteger counter(String endpoint) {
        return activeByEndpoint.computeIfAbsent(endpoint, name -> {
            AtomicInteger gauge = new AtomicInteger();
            Gauge.builder("ws.connections.active", gauge, AtomicInteger::get)
                    .description("open WebSocket connections")
                    .tag("endpoint", name)
                    .register(registry);
            return gauge;
        });
    }

    /**
     * Registers a session that has just opened.
     *
     * @param endpoint   the route, for {@code ws_connections_active{endpoint}}
     * @param heartbeat  whether the shared heartbeat pings it (the before variants ping from their own loops)
     */
    public OpenConnection opened(Session session, String endpoint, boolean heartbeat) {
        return opened(session, endpoint, heartbeat, () -> { });
    }

    /** As {@link #opened(Session, String, boolean)}, running {@code whenClosed} once when the connection ends, on any path. */
    public OpenConnection opened(Session session, String endpoint, boolean heartbeat, Runnable whenClosed) {
        AtomicInteger count = counter(endpoint);
        OpenConnection connection = new OpenConnection(session, endpoint, heartbeat, this, whenClosed);
        open.add(connection);
        count.incrementAndGet();
        return connection;
    }

    void forget(OpenConnection connection) {
        if (open.remove(connection)) {
            activeByEndpoint.get(connection.endpoint()).decrementAndGet();
        }
    }

    /** Open connections, all endpoints together. */
    public int active() {
        return open.size();
    }

    /** Open connections of one endpoint. */
    public int active(String endpoint) {
        AtomicInteger count = activeByEndpoint.get(endpoint);
        return count == null ? 0 : count.get();
    }

    Duration writeTimeout() {
        return writeTimeout;
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            boolean pingDue = now - lastPingNanos >= pingInterval.toNanos();
            if (pingDue) {
                lastPingNanos = now;
            }
            for (OpenConnection connection : open) {
                if (connection.writeStalledLongerThan(writeTimeout, now)) {
                    connection.closeForStalledWrite();
                } else if (pingDue && connection.heartbeat()) {
                    connection.ping();
                }
            }
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("websocket heartbeat sweep failed");
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
