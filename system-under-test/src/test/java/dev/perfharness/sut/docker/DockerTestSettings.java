package dev.perfharness.sut.docker;

import dev.perfharness.config.DockerSettings;
import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.config.EnvironmentName;
import dev.perfharness.env.TestSettings;
import java.util.HashMap;
import java.util.Map;

/** Docker client settings for tests: the machine's own, the variant, and overrides by setting key. */
public final class DockerTestSettings {
    private DockerTestSettings() {
    }

    public static DockerSettings of(DockerClientVariant variant, Map<String, String> overrides) {
        Map<String, String> flags = new HashMap<>(overrides);
        flags.put("docker.client", variant == DockerClientVariant.POOLED ? "pooled" : "per-call");
        return TestSettings.forEnvironment(EnvironmentName.EMBEDDED, flags).docker();
    }
}
