package dev.perfharness.sut.images;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerOperation;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an image from one of the {@link BuildContexts} on the real engine: docker-java's
 * {@code buildImageCmd(InputStream)} through the service's {@link DockerApi} (operation {@code build}),
 * fed by the {@code build.context} variant's tar.
 *
 * <p>Builds never pull: the base image must be on the engine (checked first, so a missing one is a clear
 * 503, not an attempt to reach a public registry), and the build runs with {@code pull=false}.
 *
 * <p>Meters: {@code image_build_duration_seconds{context,build_context,outcome}} and
 * {@code image_build_context_bytes{build_context}}.
 */
public final class ImageBuilder {
    private static final Logger log = LoggerFactory.getLogger(ImageBuilder.class);

    private final DockerApi docker;
    private final BuildContexts contexts;
    private final BuildContextTar tar;
    private final MeterRegistry meters;
    private final DistributionSummary contextBytes;

    public ImageBuilder(DockerApi docker, BuildContexts contexts, BuildContextTar tar, MeterRegistry meters) {
        this.docker = docker;
        this.contexts = contexts;
        this.tar = tar;
        this.meters = meters;
        this.contextBytes = DistributionSummary.builder("image.build.context.bytes").baseUnit("bytes")
                .description("size of the build context tars sent to the engine")
                .tag("build_context", tar.name())
                .register(meters);
    }

    /**
     * Builds context {@code contextName} as {@code tag}.
     *
     * @throws dev.perfharness.sut.http.BadRequest when there is no such context
     * @throws BuildFailure when the base image is missing, the tar cannot be read, or the engine fails the build
     */
    public BuildResult build(String tag, String contextName) {
        Path dir = contexts.resolve(contextName);
        requireBaseImage();
        long started = System.nanoTime();
        String outcome = "failed";
        try (Counting in = new Counting(tar.open(dir))) {
            String imageId = docker.call(DockerOperation.BUILD, (client, timeout) -> {
                client.buildImageCmd(in)
                        .withTags(Set.of(tag))
                        .withPull(false)
                        .withRemove(true)
                        .withForcerm(true)
                        .exec(new BuildImageResultCallback())
                        .awaitImageId(timeout.toMillis(), TimeUnit.MILLISECONDS);
                // The classic builder reports a short id ("Successfully built 0123456789ab"): ask for the whole one.
                return client.inspectImageCmd(tag).exec().getId();
            });
            outcome = "completed";
            contextBytes.record(in.count);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.atInfo().addKeyValue("tag", tag).addKeyValue("context", contextName).addKeyValue("build_context", tar.name())
                    .addKeyValue("bytes", in.count).addKeyValue("millis", millis).log("image built");
            return new BuildResult(imageId, tag, contextName, tar.name(), in.count, millis);
        } catch (IOException e) {
            throw new BuildFailure(500, "the tar of build context %s could not be made: %s".formatted(contextName, e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new BuildFailure(502, "the engine could not build %s from context %s: %s".formatted(tag, contextName, EngineMessages.describe(e)), e);
        } finally {
            Timer.builder("image.build.duration")
                    .description("time to tar a build context, send it, and have the engine build and tag the image")
                    .tag("context", contextName)
                    .tag("build_context", tar.name())
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public String variant() {
        return tar.name();
    }

    private void requireBaseImage() {
        String base = contexts.baseImage();
        try {
            docker.call(DockerOperation.INSPECT, (client, timeout) -> client.inspectImageCmd(base).exec());
        } catch (RuntimeException e) {
            if (causedBy(e, NotFoundException.class)) {
                throw new BuildFailure(503, ("the base image %s (containers.image.busybox) is not on the engine; builds never pull it: "
                        + "scripts/docker-engine.sh builds it locally").formatted(base), e);
            }
            throw new BuildFailure(503, "the engine cannot be asked for the base image %s: %s".formatted(base, EngineMessages.describe(e)), e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Counts the bytes the engine read. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
