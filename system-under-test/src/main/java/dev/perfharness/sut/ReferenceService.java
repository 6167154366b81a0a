package dev.perfharness.sut;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.config.InjectionSettings;
import dev.perfharness.config.ServerSettings;
import dev.perfharness.sut.api.JobListHandler;
import dev.perfharness.sut.api.JobListJson;
import dev.perfharness.sut.api.JobListings;
import dev.perfharness.sut.api.PullImageHandler;
import dev.perfharness.sut.api.PullJobHandler;
import dev.perfharness.sut.buffers.BufferPool;
import dev.perfharness.sut.buffers.BufferPools;
import dev.perfharness.sut.cache.JobListCache;
import dev.perfharness.sut.containers.ContainerRuns;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApis;
import dev.perfharness.sut.http.HealthHandler;
import dev.perfharness.sut.http.HeapHandler;
import dev.perfharness.sut.http.HistogramsHandler;
import dev.perfharness.sut.http.InjectingHandler;
import dev.perfharness.sut.http.MeasuredHandler;
import dev.perfharness.sut.http.MetricsHandler;
import dev.perfharness.sut.http.NotFoundHandler;
import dev.perfharness.sut.http.ReadinessHandler;
import dev.perfharness.sut.http.UnavailableHandler;
import dev.perfharness.sut.images.BuildContextTar;
import dev.perfharness.sut.images.BuildContexts;
import dev.perfharness.sut.images.BuildImageHandler;
import dev.perfharness.sut.images.ImageBuilder;
import dev.perfharness.sut.images.PullBatchHandler;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.jobs.ImagePullers;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.TrackerPrefill;
import dev.perfharness.sut.logs.LogSources;
import dev.perfharness.sut.logs.PodLogStreaming;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.output.ContainerOutput;
import dev.perfharness.sut.output.ContainerOutputs;
import dev.perfharness.sut.redis.RedisConnections;
import dev.perfharness.sut.tokens.BearerAuthHandler;
import dev.perfharness.sut.tokens.TokenHandler;
import dev.perfharness.sut.tokens.TokenManager;
import dev.perfharness.sut.tokens.TokenManagers;
import dev.perfharness.sut.watch.JobWatches;
import dev.perfharness.sut.ws.MultiJobWatchSocket;
import dev.perfharness.sut.ws.SingleJobWatchSocket;
import dev.perfharness.sut.ws.WebSocketConnections;
import dev.perfharness.sut.ws.WebSocketRoutes;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The reference service: the seeds' endpoints over HTTP and WebSocket (Jetty 12) on virtual threads,
 * each component in the variant the settings choose ({@code cache}, {@code ws}, {@code logs}).
 *
 * <p>Stopping it lets requests in flight finish for {@code server.shutdown-grace}, closes every
 * WebSocket (1001, going away), then releases its components in the reverse order of their creation.
 * It never stops Redis itself: the environment owns that.
 */
public final class ReferenceService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReferenceService.class);

    private final Deque<AutoCloseable> components = new ArrayDeque<>();
    private final ServerSettings settings;
    private final ServiceMetrics metrics = new ServiceMetrics().withJvmMeters();
    private final InjectionSettings injection;
    /**
     * The injected regression ({@code inject.*}), done once per API request at the edge: a request then carries
     * exactly the size asked, whichever components it passes, so the components get {@link RegressionInjector#NONE}.
     */
    private final RegressionInjector injector;
    private final JobTracker tracker = new JobTracker(Clock.systemUTC());
    private final WebSocketConnections connections;
    private final JobWatches watches;
    private final ContainerOutput output;
    private final Server server;
    private final ServerConnector connector;

    private ReferenceService(HarnessSettings settings, Backends backends) {
        this.settings = settings.server();
        this.injection = settings.injection();
        this.injector = RegressionInjector.of(injection);
        try {
            components.push(metrics::close);
            TrackerPrefill.fill(tracker, settings.jobs().prefill(), settings.jobs().seed());
            RedisConnections redis = own(new RedisConnections(backends.redis(), settings.redis()));
            JobListCache cache = own(JobListCache.create(settings.cache(), redis, metrics, RegressionInjector.NONE));
            this.connections = own(new WebSocketConnections(metrics.registry(), settings.watch().pingInterval(), settings.watch().writeTimeout()));
            this.watches = own(JobWatches.create(settings.watch(), tracker, metrics));
            List.of(SingleJobWatchSocket.ENDPOINT, MultiJobWatchSocket.ENDPOINT, PodLogStreaming.ENDPOINT).forEach(connections::declare);
            BufferPool buffers = own(BufferPools.create(settings.buffers(), metrics));
            this.output = own(ContainerOutputs.create(settings.output(), metrics));
            TokenManager tokens = own(TokenManagers.create(settings.tokens(), metrics));
            Optional<DockerApi> docker = backends.dockerHost().map(host -> own(DockerApis.create(settings.docker(), host, metrics)));
            ImagePuller puller = own(ImagePullers.create(settings.jobs(), settings.images(), backends, docker, metrics.registry()));
            Optional<BuildContexts> contexts = docker.map(api -> own(BuildContexts.create(settings.containers().busyboxImage())));
            Optional<ImageBuilder> builder = docker.map(api -> new ImageBuilder(api, contexts.orElseThrow(),
                    BuildContextTar.create(settings.images().buildContext(), buffers), metrics.registry()));
            Optional<ContainerRuns> runs = docker.map(api -> new ContainerRuns(settings.workers(), api, output,
                    settings.containers().busyboxImage(), metrics));
            runs.ifPresent(containerRuns -> own(() -> {
                containerRuns.shutdown(settings.server().shutdownGrace());
                containerRuns.close();
            }));
            PodLogStreaming podLogs = own(new PodLogStreaming(settings.podLogs(), LogSources.create(settings.podLogs(), backends),
                    connections, metrics, buffers));

            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("sut");
            // Blocking work runs on virtual threads; Jetty keeps a few platform threads for its selectors.
            threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
            this.server = new Server(threads);
            this.connector = new ServerConnector(server);
            connector.setHost(this.settings.host());
            connector.setPort(this.settings.port());
            server.addConnector(connector);

            JobListings listings = new JobListings(tracker, metrics, settings.cache(), settings.jobs().maxFailedLimit(),
                    new JobListJson(RegressionInjector.NONE));
            PathMappingsHandler routes = new PathMappingsHandler();
            route(routes, "/healthz", new HealthHandler());
            route(routes, "/readyz", new ReadinessHandler(redis, this.settings.readinessTimeout()));
            measuredRoute(routes, "/api/v1/tokens", new TokenHandler(tokens));
            route(routes, "/metrics", new MetricsHandler(metrics));
            route(routes, "/internal/histograms", new HistogramsHandler(metrics.latencies()));
            route(routes, "/internal/heap", new HeapHandler());
            measuredRoute(routes, "/api/v1/images/pull-active", new JobListHandler(cache, listings::active));
            measuredRoute(routes, "/api/v1/images/pull-failed", new JobListHandler(cache, listings::failed));
            measuredRoute(routes, "/api/v1/images/pull", new PullImageHandler(tracker, puller));
            measuredRoute(routes, PullJobHandler.PREFIX + "*", new PullJobHandler(tracker));
            measuredRoute(routes, PullBatchHandler.PATH, new PullBatchHandler(tracker, puller));
            String noEngine = "not run: no Docker engine in this environment (scripts/docker-engine.sh starts one; DOCKER_HOST names another)";
            measuredRoute(routes, ContainerRuns.SUBMIT_PATH,
                    runs.map(ContainerRuns::submitHandler).orElseGet(() -> new UnavailableHandler(noEngine)));
            measuredRoute(routes, ContainerRuns.RUNS_PREFIX + "*",
                    runs.map(ContainerRuns::runHandler).orElseGet(() -> new UnavailableHandler(noEngine)));
            measuredRoute(routes, BuildImageHandler.PATH,
                    builder.<Handler>map(BuildImageHandler::new).orElseGet(() -> new UnavailableHandler(noEngine)));
            route(routes, "/", new NotFoundHandler());

            WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
                WebSocketRoutes.configure(container, settings.watch());
                WebSocketRoutes.addJobWatches(container, settings.watch(), tracker, watches, connections);
                container.addMapping(PodLogStreaming.ENDPOINT, podLogs.creator());
            });
            webSockets.setHandler(new BearerAuthHandler(settings.tokens(), tokens, routes));
            server.setHandler(new GracefulHandler(webSockets));
            server.setStopTimeout(this.settings.shutdownGrace().toMillis());
            server.setStopAtShutdown(false);
        } catch (RuntimeException | Error e) {
            // What started before the failure (Redis connections, schedulers) must not outlive it.
            closeComponents();
            throw e;
        }
    }

    private <T extends AutoCloseable> T own(T component) {
        components.push(component);
        return component;
    }

    private static void route(PathMappingsHandler routes, String path, Handler handler) {
        routes.addMapping(PathSpec.from(path), handler);
    }

    /**
     * An API route: its latency is recorded under its pattern ({@code /api/v1/images/pull/{id}}), never the raw
     * path, and the injected regression, if any, is inside what is recorded.
     */
    private void measuredRoute(PathMappingsHandler routes, String path, Handler handler) {
        String endpoint = path.endsWith("/*") ? path.substring(0, path.length() - 1) + "{id}" : path;
        routes.addMapping(PathSpec.from(path), new MeasuredHandler(endpoint, metrics, InjectingHandler.around(handler, injector)));
    }

    /**
     * Starts the service against the given backends.
     *
     * @throws ServiceException when the port cannot be bound
     */
    public static ReferenceService start(HarnessSettings settings, Backends backends) {
        ReferenceService service = new ReferenceService(settings, backends);
        try {
            service.server.start();
        } catch (Exception e) {
            service.close();
            throw new ServiceException("the reference service cannot listen on %s:%d: %s".formatted(
                    settings.server().host(), settings.server().port(), e.getMessage()), e);
        }
        LoggingEventBuilder started = log.atInfo()
                .addKeyValue("url", service.url())
                .addKeyValue("redis", backends.redis())
                .addKeyValue("cache", settings.cache().variant())
                .addKeyValue("ws", settings.watch().variant())
                .addKeyValue("logs", settings.podLogs().variant())
                .addKeyValue("jobs", service.tracker.size());
        // A run with a regression injected on purpose says so where its service's settings are read.
        service.injection().asSettings().forEach(started::addKeyValue);
        started.log("reference service started");
        return service;
    }

    /** Starts the service with Redis only (no Docker engine, no Kubernetes API). */
    public static ReferenceService start(HarnessSettings settings, HostAndPort redis) {
        return start(settings, Backends.redisOnly(redis));
    }

    /** The base URL, with the port actually bound. */
    public URI url() {
        return URI.create("http://" + settings.host() + ":" + connector.getLocalPort());
    }

    /** The regression injected per API request ({@code inject.*}); inactive unless asked for. */
    public InjectionSettings injection() {
        return injection;
    }

    /** The job tracker, for tests and in-process tools. */
    public JobTracker tracker() {
        return tracker;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public WebSocketConnections connections() {
        return connections;
    }

    public JobWatches watches() {
        return watches;
    }

    /** Stops gracefully; idempotent. */
    @Override
    public void close() {
        try {
            if (server.isStarted()) {
                URI url = url();
                server.stop();
                log.atInfo().addKeyValue("url", url).log("reference service stopped");
            } else if (!server.isStopped()) {
                // A start that failed (port taken) leaves Jetty's thread pool running.
                server.stop();
            }
        } catch (Exception e) {
            log.atWarn().setCause(e).log("the reference service did not stop cleanly");
        } finally {
            closeComponents();
        }
    }

    private void closeComponents() {
        while (!components.isEmpty()) {
            AutoCloseable component = components.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.atWarn().setCause(e).addKeyValue("component", component.getClass().getSimpleName()).log("a component did not close cleanly");
            }
        }
    }
}
