package dev.perfharness.sut.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.watch.JobUpdate;
import dev.perfharness.sut.watch.JobWatches;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code WS /ws/image-pull-all}: a client subscribes to jobs and gets their changes only.
 *
 * <pre>
 * client: {"action":"subscribe","job_id":"..."}    server: {"type":"subscribed","job_id":"..."}, then status messages
 * client: {"action":"unsubscribe","job_id":"..."}  server: {"type":"unsubscribed","job_id":"..."}
 * server: {"type":"status","job":{...}}            on every change of a subscribed job (the last one when it finishes)
 * server: {"type":"error","error":"..."}           for a malformed, unknown, oversized or refused message
 * </pre>
 *
 * A bad message is answered with an error and the connection stays open. The connection's
 * subscriptions are a plain array of the tracker's own id strings: no copy of an id per subscription.
 */
public final class MultiJobWatchSocket extends WatchSocket {
    public static final String ENDPOINT = "/ws/image-pull-all";

    private final JobTracker tracker;
    private final int maxSubscriptions;
    private final int maxMessageBytes;
    private String[] jobIds = new String[2];
    /** The version last sent per subscription, so a snapshot overtaken by a newer one is never sent after it. */
    private long[] versions = new long[2];
    private int subscribed;

    MultiJobWatchSocket(JobTracker tracker, JobWatches watches, WebSocketConnections connections, int maxSubscriptions,
            int maxMessageBytes) {
        super(ENDPOINT, watches, connections);
        this.tracker = tracker;
        this.maxSubscriptions = maxSubscriptions;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void opened() {
        // Nothing to watch until the client subscribes.
    }

    @Override
    public void onWebSocketText(String message) {
        int bytes = message.length() > maxMessageBytes / 4 ? message.getBytes(StandardCharsets.UTF_8).length : message.length();
        if (bytes > maxMessageBytes) {
            error("message of %d bytes is above the limit of %d".formatted(bytes, maxMessageBytes));
            return;
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            error("malformed JSON: " + e.getOriginalMessage());
            return;
        }
        if (request == null || !request.isObject()) {
            error("expected a JSON object like {\"action\":\"subscribe\",\"job_id\":\"...\"}");
            return;
        }
        String action = request.path("action").asText("");
        String jobId = request.path("job_id").asText("");
        if (!action.equals("subscribe") && !action.equals("unsubscribe")) {
            error("unknown action \"%s\"; expected subscribe or unsubscribe".formatted(JsonBodies.abbreviate(action)));
            return;
        }
        if (jobId.isEmpty()) {
            error(action + " needs a job_id");
            return;
        }
        if (action.equals("subscribe")) {
            subscribe(jobId);
        } else {
            unsubscribe(jobId);
        }
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        error("binary messages are not understood; send JSON text");
    }

    private void subscribe(String requestedId) {
        Optional<PullJob> job = tracker.find(requestedId);
        if (job.isEmpty()) {
            error("unknown job id: " + JsonBodies.abbreviate(requestedId));
            return;
        }
        String jobId = job.get().id();
        synchronized (this) {
            if (indexOf(jobId) < 0) {
                if (subscribed == maxSubscriptions) {
                    error("subscription limit of %d reached; unsubscribe first".formatted(maxSubscriptions));
                    return;
                }
                if (subscribed == jobIds.length) {
                    jobIds = Arrays.copyOf(jobIds, Math.min(maxSubscriptions, jobIds.length * 2));
                    versions = Arrays.copyOf(versions, jobIds.length);
                }
                versions[subscribed] = -1;
                jobIds[subscribed++] = jobId;
            }
        }
        reply("subscribed", jobId);
        watches.subscribe(jobId, this);
    }

    private void unsubscribe(String jobId) {
        boolean removed = forget(jobId);
        watches.unsubscribe(jobId, this);
        if (removed) {
            reply("unsubscribed", jobId);
        } else {
            error("not subscribed to job " + JsonBodies.abbreviate(jobId));
        }
    }

    @Override
    public boolean deliver(JobUpdate update) {
        PullJob job = update.job();
        synchronized (this) {
            int index = indexOf(job.id());
            // Not (or no longer) subscribed, or older than what was sent: a late event, dropped.
            if (index < 0 || job.version() <= versions[index]) {
                return connection.isOpen();
            }
            versions[index] = job.version();
            if (job.status().finished()) {
                removeAt(index);
            }
        }
        return sendUpdate(update.envelope());
    }

    /** Subscriptions held, for tests and footprint measurements. */
    public synchronized int subscriptions() {
        return subscribed;
    }

    private synchronized boolean forget(String jobId) {
        int index = indexOf(jobId);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    private void removeAt(int index) {
        subscribed--;
        jobIds[index] = jobIds[subscribed];
        versions[index] = versions[subscribed];
        jobIds[subscribed] = null;
    }

    private int indexOf(String jobId) {
        for (int i = 0; i < subscribed; i++) {
            if (jobIds[i].equals(jobId)) {
                return i;
            }
        }
        return -1;
    }

    private void reply(String type, String jobId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("job_id", jobId);
        connection.send(Json.write(body));
    }

    private void error(String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("error", message);
        connection.send(Json.write(body));
    }

    @Override
    protected void cancelWatches() {
        String[] held;
        synchronized (this) {
            held = Arrays.copyOf(jobIds, subscribed);
            subscribed = 0;
        }
        for (String jobId : held) {
            watches.unsubscribe(jobId, this);
        }
    }
}
