package dev.perfharness.sut.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A {@code /ws/pod-logs} client on the JDK's WebSocket: collects the JSON messages and the close. */
final class LogClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Closed(int code, String reason) {
    }

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    private LogClient() {
    }

    static LogClient connect(URI uri) throws Exception {
        LogClient client = new LogClient();
        client.socket = HTTP.newWebSocketBuilder().buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** The HTTP status of a refused handshake; fails when the handshake succeeds. */
    static int refusedStatus(URI uri) throws Exception {
        try {
            WebSocket accepted = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { })
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            accepted.abort();
            throw new AssertionError("the handshake for " + uri + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                closed.completeExceptionally(new AssertionError("not JSON: " + partial, e));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Waits for the server's close. */
    Closed awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    List<JsonNode> messages(String type) {
        return messages.stream().filter(message -> type.equals(message.path("type").asText())).toList();
    }

    /** The log as the client reassembles it: every {@code log} message's data, in order. */
    String logText() {
        StringBuilder text = new StringBuilder();
        messages("log").forEach(message -> text.append(message.get("data").asText()));
        return text.toString();
    }

    /** Leaves politely: a close frame, as a browser tab closing sends. */
    void leave() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }
}
