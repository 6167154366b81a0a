package dev.perfharness.sut.tokens;

import dev.perfharness.config.TokenSettings;
import dev.perfharness.sut.http.JsonResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer check ({@code api.auth=bearer}): every request under {@code /api/} but
 * {@code POST /api/v1/tokens} needs {@code Authorization: Bearer <token>} with a token the
 * {@link TokenManager} holds and that has not expired. A refusal is 401 with
 * {@code WWW-Authenticate: Bearer ...} (RFC 6750) and {@code {"error":"...","reason":"..."}}, where
 * {@code reason} is {@code missing}, {@code malformed}, {@code unknown} or {@code expired}; the token is
 * never echoed. With {@code api.auth=off} every request passes untouched.
 */
public final class BearerAuthHandler extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(BearerAuthHandler.class);
    private static final String GUARDED_PREFIX = "/api/";
    private static final String REALM = "perf-harness";

    private final boolean required;
    private final TokenManager tokens;

    public BearerAuthHandler(TokenSettings settings, TokenManager tokens, Handler handler) {
        super(handler);
        this.required = settings.bearerRequired();
        this.tokens = tokens;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!required || !guarded(request)) {
            return super.handle(request, response, callback);
        }
        TokenCheck check = tokens.checkAuthorization(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (check.valid()) {
            return super.handle(request, response, callback);
        }
        log.atDebug().addKeyValue("path", Request.getPathInContext(request)).addKeyValue("reason", check.status().label())
                .log("request refused by the bearer check");
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge(check));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", check.message());
        body.put("reason", check.status().label());
        JsonResponse.send(response, 401, body, callback);
        return true;
    }

    private static boolean guarded(Request request) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(GUARDED_PREFIX)) {
            return false;
        }
        return !(path.equals(TokenHandler.PATH) && HttpMethod.POST.is(request.getMethod()));
    }

    /** RFC 6750 section 3: no error code when credentials were absent, {@code invalid_token} otherwise. */
    private static String challenge(TokenCheck check) {
        return switch (check.status()) {
            case MISSING -> "Bearer realm=\"" + REALM + "\"";
            case MALFORMED -> "Bearer realm=\"" + REALM + "\", error=\"invalid_request\"";
            default -> "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + check.status().label() + "\"";
        };
    }
}
