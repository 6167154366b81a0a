package dev.perfharness.sut.api;

import dev.perfharness.sut.cache.CacheKey;
import dev.perfharness.sut.cache.CachedBody;
import dev.perfharness.sut.cache.JobListCache;
import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonResponse;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A cached job listing ({@code pull-active}, {@code pull-failed}): one handler for both, since they
 * differ only in key and listing. The body is the same bytes whichever way it was obtained; the
 * {@code X-Cache} header says which (hit, miss, fallback, bypass, none).
 *
 * <p>Blocking on purpose, like the seed's handler: it runs on a virtual thread.
 */
public final class JobListHandler extends ApiHandler {

    /** What to list for a request: the cache key, and how to produce the body on a miss. */
    public interface Listing {
        CacheKey key();

        Supplier<String> loader();
    }

    /** Turns a request into a listing, or refuses it with {@link BadRequest}. */
    @FunctionalInterface
    public interface ListingFor {
        Listing of(Request request);
    }

    private final JobListCache cache;
    private final ListingFor listingFor;

    public JobListHandler(JobListCache cache, ListingFor listingFor) {
        super(HttpMethod.GET);
        this.cache = cache;
        this.listingFor = listingFor;
    }

    /**
     * The body a request gets, from the cache or, on a miss, from the listing: all that {@link #serve}
     * does before writing. Public so a benchmark measures the handler's own path without a connection.
     *
     * @throws BadRequest when the request names no valid listing
     */
    public CachedBody body(Request request) {
        Listing listing = listingFor.of(request);
        return cache.get(listing.key(), listing.loader());
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) {
        CachedBody body = body(request);
        response.getHeaders().put("X-Cache", body.outcome().header());
        JsonResponse.sendRaw(response, 200, body.json(), callback);
        return true;
    }
}
