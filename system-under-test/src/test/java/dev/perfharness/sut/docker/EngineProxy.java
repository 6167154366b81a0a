package dev.perfharness.sut.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP front on 127.0.0.1 for the real engine (its unix socket or TCP address), so that a test can make the
 * engine fall silent without touching dockerd: when {@link #silence() silent}, connections are still
 * accepted and requests read, but nothing is forwarded, so nothing is ever answered. It counts the
 * connections clients open and the bytes they send, which is how a test sees a pool reuse connections
 * and a breaker keep calls away from the engine.
 */
final class EngineProxy implements AutoCloseable {
    private final ServerSocketChannel server;
    private final SocketAddress engine;
    private final Set<SocketChannel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong bytesFromClients = new AtomicLong();
    private volatile boolean silent;

    private EngineProxy(SocketAddress engine) throws IOException {
        this.engine = engine;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("engine-proxy-accept").start(this::acceptLoop);
    }

    /** @param engineAddress {@code unix:///var/run/docker.sock} or {@code tcp://host:port} */
    static EngineProxy start(String engineAddress) {
        URI uri = URI.create(engineAddress);
        SocketAddress engine = switch (uri.getScheme()) {
            case "unix" -> UnixDomainSocketAddress.of(uri.getPath());
            case "tcp" -> new InetSocketAddress(uri.getHost(), uri.getPort());
            default -> throw new IllegalArgumentException("the proxy forwards to unix:// or tcp:// engines, not " + engineAddress);
        };
        try {
            return new EngineProxy(engine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a proxy for " + engineAddress, e);
        }
    }

    /** The address to give a client: {@code tcp://127.0.0.1:<port>}. */
    String address() {
        try {
            return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accept, read, never answer: the engine as a client sees it when dockerd hangs. */
    void silence() {
        silent = true;
    }

    void answer() {
        silent = false;
    }

    /** Connections clients opened so far. */
    int accepted() {
        return accepted.get();
    }

    /** Client connections open now. */
    int open() {
        return open.get();
    }

    long bytesFromClients() {
        return bytesFromClients.get();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.incrementAndGet();
            channels.add(client);
            SocketChannel upstream;
            try {
                upstream = SocketChannel.open(engine instanceof UnixDomainSocketAddress ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
                channels.add(upstream);
                upstream.connect(engine);
            } catch (IOException e) {
                open.decrementAndGet();
                closeQuietly(client);
                continue;
            }
            Thread.ofVirtual().name("engine-proxy-up").start(() -> pump(client, upstream, true));
            Thread.ofVirtual().name("engine-proxy-down").start(() -> pump(upstream, client, false));
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean fromClient) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer.clear()) >= 0) {
                if (fromClient) {
                    bytesFromClients.addAndGet(buffer.position());
                    if (silent) {
                        continue;
                    }
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
            }
        } catch (IOException e) {
            // One side went away: close both below.
        } finally {
            if (fromClient) {
                open.decrementAndGet();
            }
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        channels.forEach(EngineProxy::closeQuietly);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Test teardown.
        }
    }
}
