package dev.perfharness.sut.redis;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's connections to Redis.
 *
 * <p>A Lettuce connection is thread-safe and multiplexes commands, so seed 001's "pool" of
 * {@code REDIS_POOL_SIZE} becomes that many connections handed out in turn: more than one spreads the
 * load over event-loop threads, none is ever checked out or waited for.
 *
 * <p>The service starts whether Redis answers or not (seed 001: "works with/without Redis"); a
 * connection is opened when first needed, and retried on the next use after a failure. Once open it
 * reconnects by itself, backing off no further than one second so readiness recovers promptly.
 */
public final class RedisConnections implements AutoCloseable {
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final HostAndPort address;
    private final ClientResources resources;
    private final RedisClient client;
    private final List<ConnectionSlot> slots = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    public RedisConnections(HostAndPort address, RedisSettings settings) {
        this.address = address;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.builder()
                .withHost(address.host())
                .withPort(address.port())
                .withTimeout(settings.readTimeout())
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail at once while disconnected instead of queueing: callers have a fallback.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.readTimeout()))
                .build());
        for (int i = 0; i < settings.poolSize(); i++) {
            slots.add(new ConnectionSlot(client, uri));
        }
    }

    public HostAndPort address() {
        return address;
    }

    /** The next connection in turn, opening it if needed; fails as the connect fails. */
    public CompletionStage<StatefulRedisConnection<String, String>> next() {
        return slots.get(Math.floorMod(turn.getAndIncrement(), slots.size())).connection();
    }

    /**
     * PINGs Redis within {@code timeout}.
     *
     * @return a stage that completes with "PONG", or exceptionally with the reason Redis did not answer
     */
    public CompletionStage<String> ping(Duration timeout) {
        return next()
                .thenCompose(connection -> connection.async().ping())
                .toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        // Closed before the client shuts down: a shutdown racing the closes warns once per connection.
        CompletableFuture.allOf(slots.stream().map(ConnectionSlot::close).toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** One lazily opened connection; a failed attempt is forgotten so the next use tries again. */
    private static final class ConnectionSlot {
        private final RedisClient client;
        private final RedisURI uri;
        private CompletableFuture<StatefulRedisConnection<String, String>> connection;

        ConnectionSlot(RedisClient client, RedisURI uri) {
            this.client = client;
            this.uri = uri;
        }

        synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
            if (connection == null || connection.isCompletedExceptionally()) {
                CompletableFuture<StatefulRedisConnection<String, String>> attempt =
                        client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
                connection = attempt;
            }
            return connection;
        }

        /** Completes once the connection is closed, or at once when none was opened (or the connect failed). */
        synchronized CompletableFuture<Void> close() {
            if (connection == null) {
                return CompletableFuture.completedFuture(null);
            }
            return connection.thenCompose(StatefulRedisConnection::closeAsync).exceptionally(failure -> null);
        }
    }
}
