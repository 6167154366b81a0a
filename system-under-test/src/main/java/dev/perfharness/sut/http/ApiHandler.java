package dev.perfharness.sut.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An API endpoint that answers one method: any other gets 405 with {@code Allow}, and a
 * {@link BadRequest} thrown before the endpoint answers becomes a 400 naming the parameter and value.
 * Endpoints then only read, check and answer.
 */
public abstract class ApiHandler extends Handler.Abstract {
    private final HttpMethod method;

    /** A blocking endpoint: it runs on a virtual thread. */
    protected ApiHandler(HttpMethod method) {
        this(method, InvocationType.BLOCKING);
    }

    protected ApiHandler(HttpMethod method, InvocationType invocationType) {
        super(invocationType);
        this.method = method;
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!method.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, method.asString());
            JsonResponse.send(response, 405, Map.of("error", "use " + method.asString(), "method", request.getMethod()), callback);
            return true;
        }
        try {
            return serve(request, response, callback);
        } catch (BadRequest problem) {
            JsonResponse.badRequest(response, problem, callback);
            return true;
        }
    }

    /** Serves a request of the right method; throws {@link BadRequest}, before answering, for bad input. */
    protected abstract boolean serve(Request request, Response response, Callback callback) throws Exception;
}
