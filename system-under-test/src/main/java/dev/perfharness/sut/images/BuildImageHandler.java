package dev.perfharness.sut.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.http.JsonResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/images/build {"tag":"...","context":"small"}}: builds the named context on the
 * engine and answers once the image exists, 201 with {@link BuildResult}
 * ({@code {"image_id":"sha256:...","tag":...,"context":...,"build_context":"streamed","context_bytes":...,"duration_ms":...}}).
 *
 * <p>400 names a bad tag or a context that does not exist; 502 carries the engine's words when the build
 * fails; 503 says what the engine lacks. A build blocks its request's virtual thread, not a platform thread.
 */
public final class BuildImageHandler extends ApiHandler {
    public static final String PATH = "/api/v1/images/build";
    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final String EXAMPLE = "{\"tag\":\"perf-harness/built:1\",\"context\":\"small\"}";

    private final ImageBuilder builder;

    public BuildImageHandler(ImageBuilder builder) {
        super(HttpMethod.POST);
        this.builder = builder;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) throws IOException {
        String tag;
        String context;
        try {
            JsonNode body = JsonBodies.object(request, MAX_BODY_BYTES, EXAMPLE);
            tag = ImageReference.require("tag", JsonBodies.text(body, "tag", EXAMPLE));
            if (ImageReference.parse(tag).digest().isPresent()) {
                throw new BadRequest("tag", tag, "tag names an image to create; it cannot pin a digest: " + tag);
            }
            context = JsonBodies.text(body, "context", EXAMPLE);
            JsonResponse.send(response, 201, builder.build(tag, context), callback);
        } catch (BuildFailure failure) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", failure.getMessage());
            body.put("build_context", builder.variant());
            JsonResponse.send(response, failure.status(), body, callback);
        }
        return true;
    }
}
