package dev.perfharness.sut.containers;

import dev.perfharness.sut.ServiceClient;
import java.net.URI;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/** A Jetty 12 server on a free loopback port with only the container run routes, as the service maps them. */
final class RunsServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    RunsServer(ContainerRuns runs) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from(ContainerRuns.SUBMIT_PATH), runs.submitHandler());
        routes.addMapping(PathSpec.from(ContainerRuns.RUNS_PREFIX + "*"), runs.runHandler());
        server.setHandler(routes);
        server.start();
    }

    ServiceClient http() {
        return new ServiceClient(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
