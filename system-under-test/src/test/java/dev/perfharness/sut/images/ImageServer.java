package dev.perfharness.sut.images;

import dev.perfharness.sut.ServiceClient;
import dev.perfharness.sut.api.PullImageHandler;
import dev.perfharness.sut.api.PullJobHandler;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.JobTracker;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/** A Jetty 12 server on a free loopback port with the image endpoints, as the service routes them. */
final class ImageServer implements AutoCloseable {
    final JobTracker tracker = new JobTracker(Clock.systemUTC());
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ImagePuller puller;

    ImageServer(ImagePuller puller, Optional<ImageBuilder> builder) throws Exception {
        this.puller = puller;
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/api/v1/images/pull"), new PullImageHandler(tracker, puller));
        routes.addMapping(PathSpec.from(PullBatchHandler.PATH), new PullBatchHandler(tracker, puller));
        routes.addMapping(PathSpec.from(PullJobHandler.PREFIX + "*"), new PullJobHandler(tracker));
        builder.ifPresent(images -> routes.addMapping(PathSpec.from(BuildImageHandler.PATH), new BuildImageHandler(images)));
        server.setHandler(routes);
        server.start();
    }

    ServiceClient http() {
        return new ServiceClient(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            puller.close();
        }
    }
}
