package dev.perfharness.sut.http;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers every path no other handler serves with a JSON 404 that names the path. */
public final class NotFoundHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponse.send(response, 404,
                Map.of("error", "no such endpoint", "path", request.getHttpURI().getPath()), callback);
        return true;
    }
}
