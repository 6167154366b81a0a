package dev.perfharness.env;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.perfharness.config.HostAndPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a registry with images of known sizes, built on the engine itself, so that pulls have something
 * real to download and nothing ever comes from a public registry.
 *
 * <p>Each image is one layer holding one file of seeded random bytes ({@link #IMAGES}: 1, 10 and 50 MiB):
 * random so that no compression shrinks what a pull transfers, seeded so that the layer is the same
 * bytes, hence the same digest, in every run. An image is built {@code FROM scratch} (nothing to pull),
 * pushed with docker-java's {@code pushImageCmd}, then removed from the engine: a later pull must
 * download it, not find it local.
 *
 * <p>Idempotent: an image the registry already holds is not pushed again, so a registry on a
 * persistent volume ({@link Registries#STORAGE_VOLUME}) is seeded once per engine.
 */
public final class RegistrySeeder {
    /** The seeded images: {@code <registry>/perf-harness/blob-1m:1} and its larger siblings. */
    public static final List<SeedImage> IMAGES = List.of(
            new SeedImage("perf-harness/blob-1m", "1", 1 << 20),
            new SeedImage("perf-harness/blob-10m", "1", 10 << 20),
            new SeedImage("perf-harness/blob-50m", "1", 50 << 20));

    private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);
    private static final Instant FIXED_MTIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MANIFEST_TYPES =
            "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";
    private static final int CHUNK = 64 * 1024;

    private final DockerClient docker;
    private final HostAndPort registry;
    private final Duration timeout;

    /**
     * @param docker   the engine that builds and pushes; it must reach {@code registry}
     * @param timeout  for each build and each push
     */
    public RegistrySeeder(DockerClient docker, HostAndPort registry, Duration timeout) {
        this.docker = docker;
        this.registry = registry;
        this.timeout = timeout;
    }

    /** One image to seed: a single layer of {@code bytes} random bytes in the file {@code /blob}. */
    public record SeedImage(String repository, String tag, int bytes) {

        /** {@code <registry>/<repository>:<tag>}, the name to pull. */
        public String reference(HostAndPort registry) {
            return registry + "/" + repository + ":" + tag;
        }
    }

    /** What one seeding did: references pushed now and references the registry held already. */
    public record Seeded(List<String> pushed, List<String> present) {

        public Seeded {
            pushed = List.copyOf(pushed);
            present = List.copyOf(present);
        }

        public int count() {
            return pushed.size() + present.size();
        }
    }

    /** Seeds {@link #IMAGES}. */
    public Seeded seed() {
        return seed(IMAGES);
    }

    /**
     * Pushes each image the registry does not hold yet.
     *
     * @throws EnvironmentException naming the image and the engine's or the registry's words when one fails
     */
    public Seeded seed(List<SeedImage> images) {
        List<String> pushed = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (SeedImage image : images) {
            String reference = image.reference(registry);
            if (holds(registry, image)) {
                present.add(reference);
                continue;
            }
            long started = System.nanoTime();
            push(image);
            pushed.add(reference);
            log.atInfo().addKeyValue("image", reference).addKeyValue("bytes", image.bytes())
                    .addKeyValue("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .log("seeded the registry");
        }
        return new Seeded(pushed, present);
    }

    /**
     * Removes from the engine every local copy of a seeded image, whichever registry (port) it was
     * pulled from. The layers are shared by all copies, so while one copy is left, a later pull finds
     * them "already exist" and downloads nothing: a pull test or benchmark calls this first.
     *
     * @return the references removed
     */
    public static List<String> removeLocalCopies(DockerClient docker) {
        List<String> removed = new java.util.ArrayList<>();
        for (var image : docker.listImagesCmd().exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                boolean seeded = IMAGES.stream().anyMatch(seed -> tag.endsWith("/" + seed.repository() + ":" + seed.tag()));
                if (seeded) {
                    try {
                        docker.removeImageCmd(tag).withForce(true).exec();
                        removed.add(tag);
                    } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                        // removed with an earlier tag of the same image
                    }
                }
            }
        }
        return removed;
    }

    /**
     * Whether the registry holds the image's manifest ({@code HEAD /v2/<repository>/manifests/<tag>}).
     *
     * @throws EnvironmentException when the registry does not answer
     */
    public static boolean holds(HostAndPort registry, SeedImage image) {
        URI manifest = Registries.apiRoot(registry).resolve(image.repository() + "/manifests/" + image.tag());
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(manifest)
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", MANIFEST_TYPES)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 404) {
                throw new EnvironmentException("the registry at %s answers HEAD %s with HTTP %d".formatted(registry, manifest, status));
            }
            return status == 200;
        } catch (IOException e) {
            throw new EnvironmentException("the registry at " + registry + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while asking the registry at " + registry + " for " + image.repository(), e);
        }
    }

    private void push(SeedImage image) {
        String reference = image.reference(registry);
        Path context = null;
        try {
            context = writeContext(image);
            build(reference, context);
            pushToRegistry(image, reference);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the build context of " + reference + ": " + e.getMessage(), e);
        } finally {
            removeLocal(reference);
            if (context != null) {
                try {
                    Files.deleteIfExists(context);
                } catch (IOException e) {
                    log.atWarn().addKeyValue("file", context).log("could not remove a seed build context");
                }
            }
        }
    }

    private void build(String reference, Path context) throws IOException {
        try (InputStream tar = Files.newInputStream(context)) {
            // pull=false: FROM scratch needs no base image, and nothing may be fetched from a public registry.
            docker.buildImageCmd(tar)
                    .withTags(Set.of(reference))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EnvironmentException("the engine could not build " + reference + ": " + e.getMessage(), e);
        }
    }

    private void pushToRegistry(SeedImage image, String reference) {
        AtomicReference<String> error = new AtomicReference<>();
        try {
            ResultCallback.Adapter<PushResponseItem> callback = docker.pushImageCmd(registry + "/" + image.repository())
                    .withTag(image.tag())
                    .exec(new ResultCallback.Adapter<>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                error.compareAndSet(null, item.getErrorDetail() != null
                                        ? item.getErrorDetail().getMessage() : item.getError());
                            }
                        }
                    });
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
                throw new EnvironmentException("pushing %s did not finish within %d s".formatted(reference, timeout.toSeconds()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EnvironmentException environment) {
                throw environment;
            }
            throw new EnvironmentException("the engine could not push " + reference + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while pushing " + reference, e);
        }
        if (error.get() != null) {
            throw new EnvironmentException("the engine could not push " + reference + ": " + error.get());
        }
    }

    private void removeLocal(String reference) {
        try {
            docker.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // The build failed before it tagged anything.
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("image", reference).addKeyValue("error", e.getMessage())
                    .log("could not remove a seed image from the engine; later pulls of it will find it local");
        }
    }

    /** A build context of two files, {@code Dockerfile} and {@code blob}, with fixed times so the layer is repeatable. */
    private static Path writeContext(SeedImage image) throws IOException {
        Path file = Files.createTempFile("perf-harness-seed-", ".tar");
        byte[] dockerfile = "FROM scratch\nCOPY blob /blob\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.putArchiveEntry(entry("Dockerfile", dockerfile.length));
            tar.write(dockerfile);
            tar.closeArchiveEntry();
            tar.putArchiveEntry(entry("blob", image.bytes()));
            SplittableRandom random = new SplittableRandom(image.repository().hashCode());
            byte[] chunk = new byte[CHUNK];
            for (int left = image.bytes(); left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                tar.write(chunk, 0, Math.min(left, chunk.length));
            }
            tar.closeArchiveEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        entry.setModTime(Date.from(FIXED_MTIME));
        return entry;
    }
}
