package dev.perfharness.sut.images;

import dev.perfharness.sut.ServiceException;
import dev.perfharness.sut.http.BadRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build contexts {@code POST /api/v1/images/build} can name: directories under one folder the
 * service makes at start and removes at stop, each a {@code Dockerfile} ({@code FROM <base image>},
 * {@code COPY . /ctx}) beside files of seeded random bytes ({@link #DEFAULT_SPECS}: {@code small}, 100
 * files of 1 KiB; {@code large}, 20 files of 5 MiB).
 *
 * <p>A context's files are written the first time it is built, not at start: a service started to
 * measure caches or WebSockets would otherwise write 100 MB it never sends. After that it is never
 * written again, so every build of a context sends the same bytes.
 */
public final class BuildContexts implements AutoCloseable {
    /** The contexts of a service: one many small files, one few large files. */
    public static final List<Spec> DEFAULT_SPECS = List.of(new Spec("small", 100, 1024), new Spec("large", 20, 5 << 20));
    private static final Logger log = LoggerFactory.getLogger(BuildContexts.class);
    private static final int CHUNK = 64 * 1024;

    private final Path root;
    private final String baseImage;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Path> written = new ConcurrentHashMap<>();

    /** One context: {@code files} files of {@code fileBytes} bytes each. */
    public record Spec(String name, int files, int fileBytes) {
    }

    /**
     * @param root       where the contexts go; removed by {@link #close()}
     * @param baseImage  the image every Dockerfile starts {@code FROM}; it must be on the engine, builds never pull it
     */
    public BuildContexts(Path root, String baseImage, List<Spec> specs) {
        this.root = root;
        this.baseImage = baseImage;
        specs.forEach(spec -> this.specs.put(spec.name(), spec));
    }

    /**
     * The {@link #DEFAULT_SPECS} under a new temporary folder.
     *
     * @throws ServiceException when no temporary folder can be made
     */
    public static BuildContexts create(String baseImage) {
        try {
            return new BuildContexts(Files.createTempDirectory("perf-harness-contexts-"), baseImage, DEFAULT_SPECS);
        } catch (IOException e) {
            throw new ServiceException("cannot make a folder for the build contexts: " + e.getMessage(), e);
        }
    }

    /**
     * The directory of context {@code name}, written now when it is the first time.
     *
     * @throws BadRequest naming {@code name} and the contexts there are, when it is none of them
     */
    public Path resolve(String name) {
        Spec spec = specs.get(name);
        if (spec == null) {
            throw new BadRequest("context", name, "build context \"%s\" does not exist; there are: %s".formatted(name, String.join(", ", specs.keySet())));
        }
        return written.computeIfAbsent(name, key -> write(spec));
    }

    public Set<String> names() {
        return specs.keySet();
    }

    public String baseImage() {
        return baseImage;
    }

    /** Written in a folder of its own, then renamed: a context is whole or absent, never half-written. */
    private Path write(Spec spec) {
        Path target = root.resolve(spec.name());
        Path partial = root.resolve(spec.name() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            Files.writeString(partial.resolve("Dockerfile"), "FROM " + baseImage + "\nCOPY . /ctx\n", StandardCharsets.UTF_8);
            SplittableRandom random = new SplittableRandom(spec.name().hashCode());
            byte[] chunk = new byte[Math.min(CHUNK, Math.max(1, spec.fileBytes()))];
            for (int i = 0; i < spec.files(); i++) {
                try (OutputStream out = Files.newOutputStream(partial.resolve("file-%04d.bin".formatted(i)))) {
                    for (int left = spec.fileBytes(); left > 0; left -= chunk.length) {
                        random.nextBytes(chunk);
                        out.write(chunk, 0, Math.min(left, chunk.length));
                    }
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build context " + spec.name() + " under " + root, e);
        }
        log.atInfo().addKeyValue("context", spec.name()).addKeyValue("files", spec.files())
                .addKeyValue("bytes", (long) spec.files() * spec.fileBytes()).log("build context written");
        return target;
    }

    /** Removes the folder and every context in it. */
    @Override
    public void close() {
        try {
            deleteTree(root);
        } catch (IOException e) {
            log.atWarn().addKeyValue("dir", root).addKeyValue("error", e.getMessage()).log("could not remove the build contexts");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
