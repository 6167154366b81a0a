package dev.perfharness.sut;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.TestSettings;
import dev.perfharness.env.embedded.EmbeddedEnvironment;
import java.util.HashMap;
import java.util.Map;

/** The reference service on the embedded environment's real redis-server, on a free port. */
public final class TestService implements AutoCloseable {
    private final EmbeddedEnvironment environment;
    private final ReferenceService service;
    private final ServiceClient client;
    private final HarnessSettings settings;

    private TestService(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("server.port", "0", "tracker.jobs", "2000"));
        all.putAll(overrides);
        settings = TestSettings.forEnvironment(EnvironmentName.EMBEDDED, all);
        environment = EmbeddedEnvironment.start(settings);
        service = ReferenceService.start(settings, environment.endpoints().redis());
        client = new ServiceClient(service.url());
    }

    /** Starts one; {@code overrides} are settings by key ({@code cache}, {@code ws}, ...). */
    public static TestService start(Map<String, String> overrides) {
        return new TestService(overrides);
    }

    public ReferenceService service() {
        return service;
    }

    public EmbeddedEnvironment environment() {
        return environment;
    }

    public ServiceClient http() {
        return client;
    }

    public HarnessSettings settings() {
        return settings;
    }

    public java.net.URI webSocketUrl(String path) {
        return java.net.URI.create("ws://" + service.url().getHost() + ":" + service.url().getPort() + path);
    }

    @Override
    public void close() {
        service.close();
        environment.close();
    }
}
