package dev.perfharness.sut.logs;

import dev.perfharness.config.BufferSettings;
import dev.perfharness.config.BufferSettings.BufferVariant;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.PodLogSettings.LogSourceKind;
import dev.perfharness.config.Variant;
import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.buffers.BufferPools;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.ws.WebSocketConnections;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** A Jetty 12 server on a free loopback port with only {@code /ws/pod-logs}, as the service wires it. */
final class PodLogServer implements AutoCloseable {
    static final Duration PING_INTERVAL = Duration.ofSeconds(54);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    final ServiceMetrics metrics = new ServiceMetrics();
    final WebSocketConnections connections = new WebSocketConnections(metrics.registry(), PING_INTERVAL, WRITE_TIMEOUT);
    final PodLogStreaming streaming;
    final BufferPool buffers;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    PodLogServer(PodLogSettings settings, LogSource source) throws Exception {
        this(settings, source, new BufferSettings(BufferVariant.NONE, 0));
    }

    /** Streams reading into buffers of the {@code buffers} variant given. */
    PodLogServer(PodLogSettings settings, LogSource source, BufferSettings bufferSettings) throws Exception {
        buffers = BufferPools.create(bufferSettings, metrics);
        streaming = new PodLogStreaming(settings, source, connections, metrics, buffers);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping(PodLogStreaming.ENDPOINT, streaming.creator())));
        server.start();
    }

    /** Settings with the seed's defaults and a synthetic source of {@code lines} lines of {@code lineBytes}. */
    static PodLogSettings settings(Variant variant, Duration discoveryTimeout, int lines, int lineBytes) {
        return new PodLogSettings(variant, LogSourceKind.SYNTHETIC, discoveryTimeout, 10_000, 0, lines, lineBytes);
    }

    static PodLogSettings settings(Variant variant) {
        return settings(variant, Duration.ofSeconds(60), 100, 64);
    }

    int port() {
        return connector.getLocalPort();
    }

    /** {@code ws://127.0.0.1:<port>/ws/pod-logs?<query>}. */
    URI uri(String query) {
        return URI.create("ws://127.0.0.1:" + port() + PodLogStreaming.ENDPOINT + "?" + query);
    }

    double counter(String name) {
        var counter = metrics.registry().find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() throws Exception {
        try {
            streaming.close();
        } finally {
            server.stop();
            connections.close();
            buffers.close();
            metrics.close();
        }
    }
}
