package dev.perfharness.sut.logs;

import dev.perfharness.sut.ws.OpenConnection;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty endpoint of one {@code /ws/pod-logs} connection: starts the stream when the socket opens and
 * reports the client's departure. Jetty reads the client's frames for it (auto-demand), which is the
 * seed's reader goroutine; whether the departure stops the stream is the variant's choice.
 *
 * <p>Public only because Jetty calls its methods through method handles; created by {@link PodLogStreaming}.
 */
public final class PodLogSocket implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(PodLogSocket.class);

    private final PodLogRequest request;
    private final PodLogStreaming owner;
    private volatile OpenConnection connection;
    private volatile PodLogStream stream;

    PodLogSocket(PodLogRequest request, PodLogStreaming owner) {
        this.request = request;
        this.owner = owner;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        OpenConnection opened = owner.connections().opened(session, PodLogStreaming.ENDPOINT, owner.rules().heartbeat());
        connection = opened;
        stream = owner.start(request, opened);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        left();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.atDebug().addKeyValue("namespace", request.namespace()).addKeyValue("error", cause.toString()).log("pod log websocket error");
        left();
    }

    private void left() {
        OpenConnection opened = connection;
        if (opened != null) {
            opened.closed();
        }
        PodLogStream running = stream;
        if (running != null && owner.rules().stopsWhenClientLeaves()) {
            running.stop();
        }
    }
}
