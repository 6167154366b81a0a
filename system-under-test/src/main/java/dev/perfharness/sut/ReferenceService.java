package dev.perfharness.sut;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.ServerSettings;
import dev.perfharness.sut.http.HealthHandler;
import dev.perfharness.sut.http.NotFoundHandler;
import dev.perfharness.sut.http.ReadinessHandler;
import dev.perfharness.sut.redis.RedisConnections;
import java.net.URI;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference service: the seeds' endpoints over HTTP (Jetty 12) on virtual threads.
 *
 * <p>Stopping it lets requests in flight finish for {@code server.shutdown-grace}, refuses new ones,
 * then closes its Redis connections. It never stops Redis itself: the environment owns that.
 */
public final class ReferenceService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReferenceService.class);

    private final Server server;
    private final ServerConnector connector;
    private final RedisConnections redis;
    private final ServerSettings settings;

    private ReferenceService(HarnessSettings settings, HostAndPort redisAddress) {
        this.settings = settings.server();
        this.redis = new RedisConnections(redisAddress, settings.redis());

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sut");
        // Blocking work runs on virtual threads; Jetty keeps a few platform threads for its selectors.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(this.settings.host());
        connector.setPort(this.settings.port());
        server.addConnector(connector);

        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/healthz"), new HealthHandler());
        routes.addMapping(PathSpec.from("/readyz"), new ReadinessHandler(redis, this.settings.readinessTimeout()));
        routes.addMapping(PathSpec.from("/"), new NotFoundHandler());
        server.setHandler(new GracefulHandler(routes));
        server.setStopTimeout(this.settings.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Starts the service against the Redis at {@code redisAddress}.
     *
     * @throws ServiceException when the port cannot be bound
     */
    public static ReferenceService start(HarnessSettings settings, HostAndPort redisAddress) {
        ReferenceService service = new ReferenceService(settings, redisAddress);
        try {
            service.server.start();
        } catch (Exception e) {
            service.close();
            throw new ServiceException("the reference service cannot listen on %s:%d: %s".formatted(
                    settings.server().host(), settings.server().port(), e.getMessage()), e);
        }
        log.atInfo().addKeyValue("url", service.url()).addKeyValue("redis", redisAddress).log("reference service started");
        return service;
    }

    /** The base URL, with the port actually bound. */
    public URI url() {
        return URI.create("http://" + settings.host() + ":" + connector.getLocalPort());
    }

    /** Stops gracefully; idempotent. */
    @Override
    public void close() {
        try {
            if (server.isStarted()) {
                URI url = url();
                server.stop();
                log.atInfo().addKeyValue("url", url).log("reference service stopped");
            }
        } catch (Exception e) {
            log.atWarn().setCause(e).log("the reference service did not stop cleanly");
        } finally {
            redis.close();
        }
    }
}
