package dev.perfharness.env;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.SettingsLoader;
import java.util.Map;

/**
 * The one place tests read their settings: the machine's own (environment variables and the user's
 * file, where scripts/docker-engine.sh records local images and host networking), plus overrides.
 */
public final class TestSettings {
    private TestSettings() {
    }

    public static HarnessSettings forEnvironment(EnvironmentName environment, Map<String, String> overrides) {
        Map<String, String> flags = new java.util.HashMap<>(overrides);
        flags.put("env", environment.label());
        return SettingsLoader.of(System.getenv(), flags).standardFiles().load();
    }

    public static HarnessSettings forEnvironment(EnvironmentName environment) {
        return forEnvironment(environment, Map.of());
    }

    static boolean runningInCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
