package dev.perfharness.sut.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 002's after: the tar is written on a virtual thread into a pipe while the engine reads the other
 * end, so memory stays at the pipe's and the copy buffer's size whatever the context's, and the first
 * bytes reach the engine while later files are still being read (Go's {@code io.Pipe} in the seed).
 *
 * <p>The pipe is {@link Pipe} (an operating-system pipe), not {@code PipedInputStream}: the latter waits
 * on a monitor, which pins a virtual thread's carrier on JDK 21, and polls once a second when a side is
 * slow. When the writer fails, its error is kept before the pipe closes, and the reader gets it at the
 * end of the bytes instead of a silently short tar (Go's {@code CloseWithError}). Closing the reader
 * early breaks the pipe, which ends the writer.
 */
final class StreamedTar implements BuildContextTar {
    private static final Logger log = LoggerFactory.getLogger(StreamedTar.class);

    private final ContextTarWriter writer;

    StreamedTar(ContextTarWriter writer) {
        this.writer = writer;
    }

    @Override
    public InputStream open(Path dir) throws IOException {
        Pipe pipe = Pipe.open();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofVirtual().name("context-tar-" + dir.getFileName()).start(() -> {
            OutputStream sink = Channels.newOutputStream(pipe.sink());
            try {
                writer.write(dir, sink);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
                log.atDebug().addKeyValue("dir", dir).addKeyValue("error", e.getMessage()).log("writing a build context tar failed");
            } finally {
                // Closed only after a failure is recorded: a reader woken by the end of the pipe must find it.
                closeQuietly(sink);
            }
        });
        return new FailureAware(Channels.newInputStream(pipe.source()), failure, dir);
    }

    private static void closeQuietly(OutputStream sink) {
        try {
            sink.close();
        } catch (IOException e) {
            log.atDebug().addKeyValue("error", e.getMessage()).log("closing the build context pipe failed");
        }
    }

    @Override
    public String name() {
        return "streamed";
    }

    /** The pipe's reading end, which turns the writer's failure into an {@link IOException} at its end. */
    private static final class FailureAware extends FilterInputStream {
        private final AtomicReference<Throwable> failure;
        private final Path dir;

        FailureAware(InputStream in, AtomicReference<Throwable> failure, Path dir) {
            super(in);
            this.failure = failure;
            this.dir = dir;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            return read < 0 ? atEnd() : read;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            return read < 0 ? atEnd() : read;
        }

        private int atEnd() throws IOException {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IOException("the tar of build context " + dir + " could not be written: " + failed.getMessage(), failed);
            }
            return -1;
        }
    }
}
