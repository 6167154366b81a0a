package dev.perfharness.sut.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A log source whose one log stays quiet until the test writes to it, like a container that logs
 * nothing for a while; it records whether the stream closed its log.
 */
final class HeldLogSource implements LogSource {
    final CompletableFuture<HeldLog> opened = new CompletableFuture<>();
    volatile boolean closed;

    @Override
    public Optional<String> findJobPod(String namespace, String job) {
        return Optional.of(job + "-0");
    }

    @Override
    public InputStream openLog(LogTarget target, OptionalInt tailLines) {
        HeldLog log = new HeldLog();
        opened.complete(log);
        return log;
    }

    @Override
    public void close() {
        closed = true;
    }

    static final class HeldLog extends InputStream {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private volatile boolean closed;
        private byte[] current = new byte[0];
        private int position;

        /** The container writes {@code text}. */
        void write(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The container exits. */
        void end() {
            chunks.add(END);
        }

        boolean isClosed() {
            return closed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted");
                }
                position = 0;
            }
            if (closed) {
                throw new IOException("held log closed");
            }
            if (current == END) {
                return -1;
            }
            int chunk = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, chunk);
            position += chunk;
            return chunk;
        }

        @Override
        public void close() {
            closed = true;
            chunks.add(END);
        }
    }
}
