package dev.perfharness.sut.containers;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the frames of a container's log into lines. A frame is one write of the container, which may hold
 * part of a line or several; stdout and stderr are assembled apart, so that a line never mixes the two.
 * A line longer than {@link #MAX_LINE_BYTES} is cut there; after {@link #MAX_LINES} lines the rest are
 * counted, not kept, and one last line says how many were left out.
 */
final class FrameLines extends ResultCallback.Adapter<Frame> {
    static final int MAX_LINE_BYTES = 16 * 1024;
    static final int MAX_LINES = 10_000;

    private final Consumer<String> sink;
    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
    private int lines;
    private long dropped;

    FrameLines(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null) {
            return;
        }
        ByteArrayOutputStream line = partial.computeIfAbsent(frame.getStreamType(), type -> new ByteArrayOutputStream(256));
        for (byte b : payload) {
            if (b == '\n') {
                emit(line);
            } else {
                line.write(b);
                if (line.size() == MAX_LINE_BYTES) {
                    emit(line);
                }
            }
        }
    }

    /** Hands over the unfinished last line of each stream, and the count of lines left out; call once, at the end. */
    synchronized void finish() {
        partial.values().stream().filter(line -> line.size() > 0).forEach(this::emit);
        if (dropped > 0) {
            sink.accept("[%d more lines of output not kept: a run keeps %d]".formatted(dropped, MAX_LINES));
        }
    }

    private void emit(ByteArrayOutputStream bytes) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        if (lines >= MAX_LINES) {
            dropped++;
            return;
        }
        lines++;
        sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
