package dev.perfharness.sut.images;

import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.sut.buffers.BufferPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A build context as the tar stream docker-java's {@code buildImageCmd(InputStream)} sends to the engine
 * (seed 002, "streaming tar operations"): the whole tar built in memory first ({@link InMemoryTar}, the
 * seed's {@code TarDir}) or written through a pipe while the engine reads it ({@link StreamedTar}, its
 * {@code TarDirStreaming}).
 */
public interface BuildContextTar {

    /**
     * The tar of {@code dir}. Closing the stream releases what it holds (the buffer, or the writer);
     * a failure to write the tar surfaces as an {@link IOException} from the stream, never as a short tar.
     */
    InputStream open(Path dir) throws IOException;

    /** The variant's name for metrics and responses: {@code in-memory} or {@code streamed}. */
    String name();

    /** The variant {@code build.context} names, copying through buffers of {@code buffers}. */
    static BuildContextTar create(BuildContextVariant variant, BufferPool buffers) {
        ContextTarWriter writer = new ContextTarWriter(buffers);
        return switch (variant) {
            case IN_MEMORY -> new InMemoryTar(writer);
            case STREAMED -> new StreamedTar(writer);
        };
    }
}
