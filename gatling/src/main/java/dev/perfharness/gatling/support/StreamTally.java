package dev.perfharness.gatling.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One log stream's bytes and times: from the moment the client asks for the stream to the frame that
 * completes the expected size. The totals say what seed 001's "4 MB/s" is about: bytes per second per
 * stream, and for all streams together.
 */
public final class StreamTally {
    private static final List<StreamTally> FINISHED = new ArrayList<>();

    private final String name;
    private final long expectedBytes;
    private final long openedNanos = System.nanoTime();
    private final long openedMillis = System.currentTimeMillis();
    private long bytes;
    private long frames;
    private long lastNanos;

    public StreamTally(String name, long expectedBytes) {
        this.name = name;
        this.expectedBytes = expectedBytes;
    }

    /** Counts one frame; true when the stream has delivered everything expected. */
    public boolean add(String frame) {
        bytes += frame.getBytes(StandardCharsets.UTF_8).length;
        frames++;
        lastNanos = System.nanoTime();
        if (bytes < expectedBytes) {
            return false;
        }
        synchronized (FINISHED) {
            FINISHED.add(this);
        }
        return true;
    }

    private double seconds() {
        return Math.max(1, lastNanos - openedNanos) / 1e9;
    }

    /** Per stream and in all: bytes, seconds and MB/s (10^6 bytes), for {@code streams.json}. */
    public static Map<String, Object> totals() {
        synchronized (FINISHED) {
            List<Map<String, Object>> streams = new ArrayList<>();
            long bytes = 0;
            long firstOpened = Long.MAX_VALUE;
            long lastEnded = Long.MIN_VALUE;
            for (StreamTally stream : FINISHED) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("stream", stream.name);
                one.put("bytes", stream.bytes);
                one.put("frames", stream.frames);
                one.put("seconds", stream.seconds());
                one.put("mb_per_second", stream.bytes / stream.seconds() / 1e6);
                streams.add(one);
                bytes += stream.bytes;
                firstOpened = Math.min(firstOpened, stream.openedMillis);
                lastEnded = Math.max(lastEnded, stream.openedMillis + (stream.lastNanos - stream.openedNanos) / 1_000_000);
            }
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("streams_completed", FINISHED.size());
            totals.put("bytes", bytes);
            double wall = FINISHED.isEmpty() ? 0 : Math.max(1, lastEnded - firstOpened) / 1e3;
            totals.put("seconds", wall);
            totals.put("mb_per_second_all_streams", wall == 0 ? 0 : bytes / wall / 1e6);
            totals.put("per_stream", streams);
            return totals;
        }
    }
}
