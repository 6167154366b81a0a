package dev.perfharness.sut.http;

import dev.perfharness.sut.inject.RegressionInjector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Does the injected regression ({@code inject.cpu}, {@code inject.alloc}) once per request, before the endpoint
 * answers, so load tests see it in the client's and the service's latencies alike.
 */
public final class InjectingHandler extends Handler.Wrapper {
    private final RegressionInjector injector;

    private InjectingHandler(RegressionInjector injector, Handler handler) {
        super(handler);
        this.injector = injector;
    }

    /** {@code handler} with the injection in front, or {@code handler} itself when nothing is injected. */
    public static Handler around(Handler handler, RegressionInjector injector) {
        return injector.active() ? new InjectingHandler(injector, handler) : handler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        injector.perOperation();
        return super.handle(request, response, callback);
    }
}
