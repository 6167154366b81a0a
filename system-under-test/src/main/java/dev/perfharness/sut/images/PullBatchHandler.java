package dev.perfharness.sut.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.http.JsonResponse;
import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/images/pull-batch {"images":["...", ...]}}: one pending job per image, in the order
 * given, each handed to the puller; answers 202 {@code {"job_ids":[...]}} at once, in the same order.
 *
 * <p>The puller's limiter decides how the batch runs: one image after another ({@code pulls=sequential},
 * seed 002's {@code ensureImagesExists}) or {@code pulls.parallelism} at a time (its
 * {@code ensureImagesExistsParallel}). A batch is all or nothing at the door: when any name does not
 * parse, the answer is 400 naming it ({@code images[2]}) and no job is created.
 */
public final class PullBatchHandler extends ApiHandler {
    public static final String PATH = "/api/v1/images/pull-batch";
    /** Images one batch may name. */
    public static final int MAX_IMAGES = 100;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String EXAMPLE = "{\"images\":[\"perf-harness/blob-1m:1\",\"perf-harness/blob-10m:1\"]}";

    private final JobTracker tracker;
    private final ImagePuller puller;

    public PullBatchHandler(JobTracker tracker, ImagePuller puller) {
        super(HttpMethod.POST);
        this.tracker = tracker;
        this.puller = puller;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) throws IOException {
        List<String> images = images(JsonBodies.object(request, MAX_BODY_BYTES, EXAMPLE));
        List<String> jobIds = new ArrayList<>(images.size());
        for (String image : images) {
            PullJob job = tracker.create(image);
            jobIds.add(job.id());
            puller.start(job, tracker.progressOf(job.id()));
        }
        JsonResponse.send(response, 202, Map.of("job_ids", jobIds), callback);
        return true;
    }

    private static List<String> images(JsonNode body) {
        JsonNode images = body.get("images");
        if (images == null || images.isNull()) {
            throw new BadRequest("images", null, "images is required, e.g. " + EXAMPLE);
        }
        if (!images.isArray()) {
            throw new BadRequest("images", JsonBodies.abbreviate(images.toString()), "images must be an array of image names, e.g. " + EXAMPLE);
        }
        if (images.isEmpty() || images.size() > MAX_IMAGES) {
            throw new BadRequest("images", images.size() + " images",
                    "images must name 1 to %d images, got %d".formatted(MAX_IMAGES, images.size()));
        }
        List<String> names = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            String parameter = "images[" + i + "]";
            if (!image.isTextual()) {
                throw new BadRequest(parameter, JsonBodies.abbreviate(image.toString()), parameter + " must be a string, got " + image);
            }
            names.add(ImageReference.require(parameter, image.asText()));
        }
        return names;
    }
}
