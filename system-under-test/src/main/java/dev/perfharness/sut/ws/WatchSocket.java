package dev.perfharness.sut.ws;

import dev.perfharness.sut.watch.JobWatches;
import dev.perfharness.sut.watch.WatchSink;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * What the two job-watch endpoints share: registering the connection, pinging, and one way out on
 * every path (client close, network error, server stop) that cancels the connection's watches when
 * the variant does (after) and leaves them to find out by themselves when it does not (before).
 */
abstract class WatchSocket implements Session.Listener.AutoDemanding, WatchSink {
    protected final JobWatches watches;
    private final WebSocketConnections connections;
    private final String endpoint;
    protected OpenConnection connection;

    WatchSocket(String endpoint, JobWatches watches, WebSocketConnections connections) {
        this.endpoint = endpoint;
        this.watches = watches;
        this.connections = connections;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = connections.opened(session, endpoint, watches.endpointCleansUp(), () -> {
            if (watches.endpointCleansUp()) {
                cancelWatches();
            }
        });
        opened();
    }

    /** The connection is registered; start watching. */
    protected abstract void opened();

    /** Sends a watch message: queued (after) or written before returning (the before variant's loops). */
    protected boolean sendUpdate(String text) {
        return watches.endpointCleansUp() ? connection.send(text) : connection.sendAndWait(text);
    }

    @Override
    public boolean ping() {
        return connection.ping();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        ended();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        ended();
    }

    private void ended() {
        if (connection != null) {
            connection.closed();
        }
    }

    /** Unsubscribes everything this connection watches. */
    protected abstract void cancelWatches();
}
