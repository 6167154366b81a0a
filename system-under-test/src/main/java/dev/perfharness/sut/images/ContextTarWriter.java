package dev.perfharness.sut.images;

import dev.perfharness.sut.buffers.BufferPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a directory as a tar (commons-compress), the work both build-context variants share: they differ
 * only in where the bytes go. Files are copied through one buffer of {@link #COPY_BUFFER} bytes from the
 * service's {@link BufferPool} (seed 002's pooled 32 KB tar buffers), acquired per tar.
 *
 * <p>Entries are in path order, so the same directory gives the same bytes whichever variant writes it.
 */
final class ContextTarWriter {
    /** Seed 002's tar buffer: 32 KB. */
    static final int COPY_BUFFER = 32 * 1024;

    private final BufferPool buffers;

    ContextTarWriter(BufferPool buffers) {
        this.buffers = buffers;
    }

    /**
     * Writes every directory and regular file under {@code dir}, then the tar's end; leaves {@code out} open.
     *
     * @return bytes of file content written
     * @throws IOException naming the path that cannot be read or is neither a file nor a directory
     */
    long write(Path dir, OutputStream out) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(path -> !path.equals(dir)).sorted().toList();
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        long content = 0;
        try (BufferPool.Buffer buffer = buffers.acquire(COPY_BUFFER)) {
            for (Path path : paths) {
                String name = dir.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("build context entry " + path + " is neither a file nor a directory");
                }
                boolean file = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
                tar.putArchiveEntry(entry(path, name, file));
                if (file) {
                    content += copy(path, tar, buffer);
                }
                tar.closeArchiveEntry();
            }
        }
        // finish, not close: closing the tar would close out, which belongs to the caller.
        tar.finish();
        tar.flush();
        return content;
    }

    /**
     * A plain ustar entry: name, size, default mode and the modification time in whole seconds. Built by
     * hand rather than from the path, whose access and change times would add PAX records per file and
     * make two tars of one directory differ.
     */
    private static TarArchiveEntry entry(Path path, String name, boolean file) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(file ? name : name + "/");
        if (file) {
            entry.setSize(Files.size(path));
        }
        entry.setModTime(Date.from(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant().truncatedTo(ChronoUnit.SECONDS)));
        return entry;
    }

    private static long copy(Path file, OutputStream out, BufferPool.Buffer buffer) throws IOException {
        byte[] bytes = buffer.array();
        int offset = buffer.offset();
        int length = Math.min(buffer.capacity(), COPY_BUFFER);
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(bytes, offset, length)) >= 0) {
                out.write(bytes, offset, read);
                copied += read;
            }
        }
        return copied;
    }
}
