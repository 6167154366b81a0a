package dev.perfharness.sut.logs;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * docker-java pushes log frames to a callback on its own thread; the stream loop pulls from an
 * {@link InputStream}. This joins the two through a small bounded queue: when the WebSocket client reads
 * slowly the queue fills, {@link #onNext} blocks, and docker-java stops reading the engine's response,
 * so a slow client slows the container's log read instead of buffering it in the service.
 *
 * <p>Frames of stdout and stderr are merged in arrival order, as {@code docker logs} prints them.
 */
final class DockerLogStream extends InputStream implements ResultCallback<Frame> {
    /** Frames in flight; each is one write of the container, usually a line or a few. */
    private static final int QUEUE_FRAMES = 16;
    /** How often a blocked producer checks whether the stream was closed. */
    private static final long PRODUCER_CHECK_MILLIS = 100;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private volatile boolean closed;
    private volatile Closeable response;
    private volatile Throwable failure;
    private byte[] current = END;
    private int position;
    private boolean ended;

    @Override
    public void onStart(Closeable stream) {
        response = stream;
        if (closed) {
            closeQuietly(stream);
        }
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload != null && payload.length > 0) {
            enqueue(payload);
        }
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        end();
    }

    @Override
    public void onComplete() {
        end();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length) {
            if (position == current.length && !nextFrame(copied == 0)) {
                break;
            }
            int chunk = Math.min(length - copied, current.length - position);
            System.arraycopy(current, position, buffer, offset + copied, chunk);
            position += chunk;
            copied += chunk;
        }
        return copied == 0 ? -1 : copied;
    }

    /** Moves to the next frame, waiting for one only when nothing was copied yet; false at the end or when none is ready. */
    private boolean nextFrame(boolean wait) throws IOException {
        if (ended) {
            return false;
        }
        byte[] next;
        try {
            next = wait ? frames.take() : frames.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the container's log");
        }
        if (next == null) {
            return false;
        }
        if (closed) {
            throw new IOException("docker log stream closed");
        }
        if (next == END) {
            ended = true;
            Throwable error = failure;
            if (error != null) {
                throw new IOException("the Docker engine ended the log stream: " + error.getMessage(), error);
            }
            return false;
        }
        current = next;
        position = 0;
        return true;
    }

    /** Stops the engine's response and wakes a waiting reader, which then gets an {@link IOException}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Closeable stream = response;
        if (stream != null) {
            closeQuietly(stream);
        }
        frames.clear();
        frames.offer(END);
    }

    private void end() {
        // After close() the queue holds END already.
        enqueue(END);
    }

    /** Waits for room while the reader is behind: this holds back docker-java's read of the response. */
    private void enqueue(byte[] payload) {
        try {
            while (!closed && !frames.offer(payload, PRODUCER_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                // Full: the reader drains it or closes the stream.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // The engine's response is being abandoned; its close can only fail in ways nobody acts on.
        }
    }
}
