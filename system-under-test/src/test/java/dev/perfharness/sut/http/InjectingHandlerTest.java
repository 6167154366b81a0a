package dev.perfharness.sut.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfharness.config.InjectionSettings;
import dev.perfharness.sut.inject.AllocatedBytes;
import dev.perfharness.sut.inject.RegressionInjector;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class InjectingHandlerTest {
    private static final int INJECTED_BYTES = 65_536;

    @Test
    void withNothingInjectedTheEndpointIsNotWrapped() {
        Handler endpoint = new Counting();

        assertThat(InjectingHandler.around(endpoint, RegressionInjector.NONE)).isSameAs(endpoint);
    }

    @Test
    void everyRequestGetsTheInjectionThenReachesTheEndpoint() throws Exception {
        Counting endpoint = new Counting();
        Handler handler = InjectingHandler.around(endpoint,
                RegressionInjector.of(new InjectionSettings(Duration.ZERO, INJECTED_BYTES)));

        double perRequest = AllocatedBytes.perCall(1_000, () -> handle(handler));

        assertThat(perRequest).isCloseTo(INJECTED_BYTES, within(INJECTED_BYTES * 0.05));
        assertThat(endpoint.requests).isEqualTo(2_000);
        assertThat(handler.getInvocationType()).isEqualTo(endpoint.getInvocationType());
    }

    private static void handle(Handler handler) {
        try {
            handler.handle(null, null, Callback.NOOP);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An endpoint that only counts the requests that reach it. */
    private static final class Counting extends Handler.Abstract {
        int requests;

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            requests++;
            return true;
        }
    }
}
