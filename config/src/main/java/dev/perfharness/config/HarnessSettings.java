package dev.perfharness.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * All of the harness's configuration, typed and validated, read once at start-up.
 *
 * <p>Built by {@link SettingsLoader} from, in rising precedence: defaults, the user's file
 * ({@code ~/.config/perf-harness/harness.properties}), the project's {@code harness.properties}
 * or the file named by {@code --config}, environment variables, and command-line flags.
 */
public record HarnessSettings(
        EnvironmentName environment,
        Path stateDir,
        RedisSettings redis,
        ServerSettings server,
        JobSettings jobs,
        CacheSettings cache,
        WatchSettings watch,
        PodLogSettings podLogs,
        DockerSettings docker,
        ImageSettings images,
        WorkerSettings workers,
        TokenSettings tokens,
        BufferSettings buffers,
        OutputSettings output,
        ContainerSettings containers,
        ExternalSettings external,
        InjectionSettings injection,
        Map<Setting, RawValue> sources) {

    public HarnessSettings {
        sources = new EnumMap<>(sources);
    }

    /** The text a setting was given as, for {@code config} listings and for passing settings to another JVM. */
    public String text(Setting setting) {
        return sources.get(setting).text();
    }

    /** Where a setting's value came from: a file, a variable, a flag or the default. */
    public Origin origin(Setting setting) {
        return sources.get(setting).origin();
    }

    /** Settings as flags for a child process, so it sees exactly what this one sees. */
    public Map<String, String> asFlags() {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        sources.forEach((setting, raw) -> flags.put(setting.key(), raw.text()));
        // Resolved, because the child may run in another folder.
        flags.put(Setting.STATE_DIR.key(), stateDir.toString());
        return flags;
    }

    /** The external environment's Redis address, or a clear error when it was not given. */
    public HostAndPort requireRedisAddress() {
        Optional<HostAndPort> address = redis.address();
        return address.orElseThrow(() -> new SettingsException(
                "the %s environment needs redis.addr (variable %s), e.g. 10.0.0.5:6379"
                        .formatted(environment.label(), Setting.REDIS_ADDR.environmentVariable())));
    }
}
