package dev.perfharness.sut.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A generated container log: {@code lines} lines of {@code lineBytes} bytes each, optionally at a fixed
 * rate, then end of stream.
 *
 * <p>Each line is {@code <10-digit line number> <filler>\n}, so a client can check order and count;
 * lines shorter than 12 bytes are filler only. The bytes come from one line buffer per stream: at the
 * start of a line its number is written into the buffer in place, and reads copy from it. Nothing is
 * allocated per line or per read, so the generator costs far less than the stream it feeds.
 *
 * <p>The whole log counts as already written when the stream opens: {@code tailLines = n} starts at line
 * {@code lines - n}, as a tail of a finished container would. The rate then paces delivery from there.
 *
 * <p>One reader thread at a time; {@link #close()} may come from any thread and wakes a reader that
 * waits for the next line.
 */
final class SyntheticLog extends InputStream {
    static final int NUMBER_DIGITS = 10;
    private static final int NUMBERED_MINIMUM = NUMBER_DIGITS + 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final byte[] line;
    private final boolean numbered;
    private final int firstLine;
    private final int endLine;
    private final int linesPerSecond;
    private final long startNanos = System.nanoTime();
    private int nextLine;
    private int positionInLine;
    private volatile boolean closed;
    private volatile Thread waitingReader;

    /**
     * @param template        one line's bytes, ending in {@code \n}; copied
     * @param lines           lines in the whole log
     * @param linesPerSecond  0 for as fast as the reader reads
     * @param firstLine       the first line to deliver (the tail's start)
     */
    SyntheticLog(byte[] template, int lines, int linesPerSecond, int firstLine) {
        this.line = template.clone();
        this.numbered = line.length >= NUMBERED_MINIMUM;
        this.firstLine = firstLine;
        this.endLine = lines;
        this.linesPerSecond = linesPerSecond;
        this.nextLine = firstLine;
    }

    /** The line template for {@code lineBytes}: a zero number, a space, filler, and a newline. */
    static byte[] template(int lineBytes) {
        byte[] template = new byte[lineBytes];
        for (int i = 0; i < lineBytes - 1; i++) {
            template[i] = (byte) ('a' + i % 26);
        }
        if (lineBytes >= NUMBERED_MINIMUM) {
            java.util.Arrays.fill(template, 0, NUMBER_DIGITS, (byte) '0');
            template[NUMBER_DIGITS] = ' ';
        }
        template[lineBytes - 1] = '\n';
        return template;
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
        int limit = awaitDueLines();
        if (limit < 0) {
            return -1;
        }
        int copied = 0;
        while (copied < length && nextLine < limit) {
            if (positionInLine == 0 && numbered) {
                writeNumber(nextLine);
            }
            int chunk = Math.min(length - copied, line.length - positionInLine);
            System.arraycopy(line, positionInLine, buffer, offset + copied, chunk);
            copied += chunk;
            positionInLine += chunk;
            if (positionInLine == line.length) {
                positionInLine = 0;
                nextLine++;
            }
        }
        return copied;
    }

    /** The line before which everything may be read now; -1 at the end; waits while nothing is due. */
    private int awaitDueLines() throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("synthetic log closed");
            }
            if (nextLine >= endLine) {
                return -1;
            }
            if (linesPerSecond == 0) {
                return endLine;
            }
            // A line already begun was due when it began.
            int limit = positionInLine > 0 ? Math.max(dueLimit(), nextLine + 1) : dueLimit();
            if (limit > nextLine) {
                return limit;
            }
            waitingReader = Thread.currentThread();
            if (!closed) {
                LockSupport.parkNanos(this, dueNanos(nextLine) - System.nanoTime());
            }
            waitingReader = null;
            if (Thread.interrupted()) {
                throw new java.io.InterruptedIOException("interrupted waiting for the next synthetic line");
            }
        }
    }

    /** Lines {@code [firstLine, result)} are due: line k is due k/rate seconds after the stream opened. */
    private int dueLimit() {
        double elapsedSeconds = (System.nanoTime() - startNanos) / (double) NANOS_PER_SECOND;
        long due = (long) (elapsedSeconds * linesPerSecond) + 1;
        return (int) Math.min(endLine, firstLine + due);
    }

    private long dueNanos(int lineIndex) {
        return startNanos + (lineIndex - firstLine) * NANOS_PER_SECOND / linesPerSecond;
    }

    private void writeNumber(int number) {
        int value = number;
        for (int i = NUMBER_DIGITS - 1; i >= 0; i--) {
            line[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Ends the stream; a reader waiting for the next line gets an {@link IOException} at once. */
    @Override
    public void close() {
        closed = true;
        Thread reader = waitingReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }
}
