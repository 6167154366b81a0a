package dev.perfharness.sut.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Seed 002's before: the whole tar is written into memory, then sent. Memory grows with the context
 * (a 100 MB context holds 100 MB and more of heap during the build), and the engine receives nothing
 * until the last file has been read.
 */
final class InMemoryTar implements BuildContextTar {
    private final ContextTarWriter writer;

    InMemoryTar(ContextTarWriter writer) {
        this.writer = writer;
    }

    @Override
    public InputStream open(Path dir) throws IOException {
        WholeTar tar = new WholeTar();
        writer.write(dir, tar);
        return tar.asInput();
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /** Hands its array to the reader as it is: the before variant holds the tar once, not twice. */
    private static final class WholeTar extends ByteArrayOutputStream {
        WholeTar() {
            super(64 * 1024);
        }

        InputStream asInput() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }
}
