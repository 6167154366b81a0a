package dev.perfharness.gatling.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * One virtual user's view of the jobs it watches: it reads every job message the user receives,
 * records its delivery latency, notices versions that were skipped, and says when every watched job
 * has reached its end (completed or failed). Both watch endpoints' messages are understood: the bare
 * job ({@code /ws/image-pull/{id}}) and {@code {"type":"status","job":{...}}} ({@code /ws/image-pull-all}),
 * in the service's JSON: snake_case names, {@code updated_at} in ISO-8601 with microseconds, lower-case states.
 *
 * <p>A user's frames arrive on one event loop, one at a time; the totals are shared by all users.
 */
public final class JobWatchTally {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LongAdder UPDATES = new LongAdder();
    private static final LongAdder FINALS = new LongAdder();
    private static final LongAdder SKIPPED_VERSIONS = new LongAdder();
    private static final LongAdder WATCHES = new LongAdder();

    private final Set<String> unfinished = new HashSet<>();
    private final Map<String, Long> lastVersion = new HashMap<>();

    /** Starts watching {@code jobIds}; a user may watch more later with {@link #watch(String)}. */
    public JobWatchTally watch(String jobId) {
        unfinished.add(jobId);
        WATCHES.increment();
        return this;
    }

    /**
     * Reads one frame; true once every watched job has ended. Frames that are not job messages
     * (subscription acknowledgements) change nothing.
     */
    public boolean observe(String frame) {
        JsonNode message;
        try {
            message = JSON.readTree(frame);
        } catch (java.io.IOException malformed) {
            throw new IllegalStateException("not JSON from a watch endpoint: " + frame, malformed);
        }
        JsonNode job = message.has("job") ? message.get("job") : message;
        if (!job.hasNonNull("id") || !job.hasNonNull("version")) {
            return unfinished.isEmpty();
        }
        String id = job.get("id").asText();
        long version = job.get("version").asLong();
        Long seen = lastVersion.get(id);
        if (seen != null && version <= seen) {
            // A frame seen already (handed over again from the unmatched ones) or an older one: counted once.
            return unfinished.isEmpty();
        }
        DeliveryLatency.record(Instant.parse(job.get("updated_at").asText()));
        UPDATES.increment();
        Long previous = lastVersion.put(id, version);
        if (previous != null && version > previous + 1) {
            SKIPPED_VERSIONS.add(version - previous - 1);
        }
        String status = job.path("status").asText();
        if ((status.equals("completed") || status.equals("failed")) && unfinished.remove(id)) {
            FINALS.increment();
        }
        return unfinished.isEmpty();
    }

    /** Every user's totals: watches started, updates received, final updates, versions never sent. */
    public static Map<String, Long> totals() {
        return Map.of("watches", WATCHES.sum(), "updates", UPDATES.sum(), "final_updates", FINALS.sum(),
                "skipped_versions", SKIPPED_VERSIONS.sum());
    }
}
