package dev.perfharness.sut.ws;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: asynchronous sends with write-progress tracking (for the write timeout), and a
 * single, idempotent way out ({@link #closed()}) that every path (client close, error, server stop)
 * goes through, so {@code ws_connections_active} cannot drift.
 */
public final class OpenConnection {
    private static final Logger log = LoggerFactory.getLogger(OpenConnection.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Session session;
    private final String endpoint;
    private final boolean heartbeat;
    private final WebSocketConnections owner;
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable whenClosed;
    private volatile long writeProgressNanos;

    OpenConnection(Session session, String endpoint, boolean heartbeat, WebSocketConnections owner, Runnable whenClosed) {
        this.session = session;
        this.endpoint = endpoint;
        this.heartbeat = heartbeat;
        this.owner = owner;
        this.whenClosed = whenClosed;
    }

    public String endpoint() {
        return endpoint;
    }

    boolean heartbeat() {
        return heartbeat;
    }

    public boolean isOpen() {
        return !closed.get() && session.isOpen();
    }

    /** Queues a text message; false when the connection is already gone (the message is dropped). */
    public boolean send(String text) {
        return send(text, Callback.NOOP);
    }

    /** Queues a text message and runs {@code then} once it has been written (or has failed). */
    public boolean send(String text, Callback then) {
        if (!isOpen()) {
            return false;
        }
        // The timestamp goes first: a sweep between the two must not see a pending write with an old time.
        if (pendingWrites.get() == 0) {
            writeProgressNanos = System.nanoTime();
        }
        pendingWrites.incrementAndGet();
        session.sendText(text, Callback.from(() -> {
            writeDone();
            then.succeed();
        }, failure -> {
            writeDone();
            log.atDebug().addKeyValue("endpoint", endpoint).addKeyValue("error", failure.toString()).log("websocket write failed");
            then.fail(failure);
        }));
        return true;
    }

    /**
     * Sends and waits for the write to finish, at most the write timeout: the blocking style of the
     * before variants' loops, which learn that a client left only when a write fails.
     */
    public boolean sendAndWait(String text) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!send(text, Callback.from(() -> done.complete(null), done::completeExceptionally))) {
            return false;
        }
        try {
            done.get(owner.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Pings the client; false when the connection is already gone. */
    public boolean ping() {
        if (!isOpen()) {
            return false;
        }
        session.sendPing(EMPTY.duplicate(), Callback.NOOP);
        return true;
    }

    /** Closes with a code and reason; the client sees both. */
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    /**
     * Call from the endpoint's close and error callbacks; safe to call more than once. The first call,
     * whoever makes it (the endpoint, or the heartbeat closing a stalled connection), forgets the
     * connection and runs the endpoint's clean-up.
     */
    public boolean closed() {
        if (closed.compareAndSet(false, true)) {
            owner.forget(this);
            whenClosed.run();
            return true;
        }
        return false;
    }

    private void writeDone() {
        writeProgressNanos = System.nanoTime();
        pendingWrites.decrementAndGet();
    }

    boolean writeStalledLongerThan(Duration timeout, long now) {
        return pendingWrites.get() > 0 && now - writeProgressNanos > timeout.toNanos();
    }

    void closeForStalledWrite() {
        log.atWarn().addKeyValue("endpoint", endpoint).addKeyValue("write_timeout", owner.writeTimeout())
                .log("closing a websocket whose writes made no progress");
        session.close(StatusCode.POLICY_VIOLATION, "write timeout: the client did not read for " + owner.writeTimeout().toSeconds() + " s", Callback.NOOP);
        // A client that does not read may not answer the close either.
        session.disconnect();
        closed();
    }
}
