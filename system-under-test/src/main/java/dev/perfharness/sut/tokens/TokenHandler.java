package dev.perfharness.sut.tokens;

import dev.perfharness.sut.http.ApiHandler;
import dev.perfharness.sut.http.JsonResponse;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/tokens}: issues a bearer token, 201 {@code {"token":"...","expires_at":"2026-11-24T11:00:00.123Z"}}.
 * The body of the request is ignored. Anyone may ask (this is a benchmark's service, not an identity
 * provider): the endpoint exists to exercise the token manager with real traffic.
 */
public final class TokenHandler extends ApiHandler {
    public static final String PATH = "/api/v1/tokens";

    private final TokenManager tokens;

    public TokenHandler(TokenManager tokens) {
        super(HttpMethod.POST);
        this.tokens = tokens;
    }

    @Override
    protected boolean serve(Request request, Response response, Callback callback) {
        IssuedToken token;
        try {
            token = tokens.issue();
        } catch (IllegalStateException e) {
            JsonResponse.send(response, 503, Map.of("error", e.getMessage()), callback);
            return true;
        }
        JsonResponse.send(response, 201, token, callback);
        return true;
    }
}
