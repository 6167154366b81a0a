package dev.perfharness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/**
 * Seed 003's before ({@code docker.client=per-call}): every call builds a docker-java client on a fresh
 * transport, so it opens a new connection to the engine (a unix-socket or TCP connect, and for TLS a
 * handshake), and closes it after. No breaker, no bulkhead: a silent engine costs every caller its full
 * timeout. Timeouts and metrics are the same as the pooled client's ({@link TimedCalls}).
 */
public final class PerCallDockerApi implements DockerApi {
    /** One call at a time per client; more would only be connections nobody asked for. */
    private static final int CONNECTIONS_PER_CLIENT = 1;

    private final EngineClients clients;
    private final TimedCalls calls;

    PerCallDockerApi(EngineClients clients, TimedCalls calls) {
        this.clients = clients;
        this.calls = calls;
    }

    @Override
    public <T> T call(DockerOperation operation, DockerCall<T> call) {
        return calls.run(operation, timeout -> {
            DockerClient client = clients.client(clients.transport(CONNECTIONS_PER_CLIENT, timeout));
            try {
                return call.run(client, timeout);
            } finally {
                // Closing the client closes its transport and with it the connection.
                closeQuietly(client);
            }
        });
    }

    /** Nothing stays open between calls. */
    @Override
    public void close() {
    }

    /** A failure to close must not turn a call that succeeded into a failed one. */
    static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Closing after use or at shutdown: nobody acts on a failure to close.
        }
    }
}
