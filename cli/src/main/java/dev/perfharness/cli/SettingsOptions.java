package dev.perfharness.cli;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: which environment, which config file, any setting by key. */
public final class SettingsOptions {
    private final CliContext context;

    @Option(names = "--env", paramLabel = "ENV",
            description = "embedded (default), testcontainers or external")
    private String environment;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file of settings (default: ./harness.properties if present)")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "any setting by key, e.g. --set redis.read-timeout=1s (see README, Settings)")
    private Map<String, String> overrides = new LinkedHashMap<>();

    public SettingsOptions(CliContext context) {
        this.context = context;
    }

    /** The settings from every source, flags last. */
    public HarnessSettings load() {
        return load(Map.of());
    }

    /** The settings with command-specific flags (e.g. {@code server.port} from {@code --port}) on top. */
    public HarnessSettings load(Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>(overrides);
        flags.putAll(commandFlags);
        if (environment != null) {
            flags.put("env", environment);
        }
        SettingsLoader loader = SettingsLoader.of(context.environment(), flags).projectDir(context.projectDir());
        loader.standardFiles();
        if (configFile != null) {
            loader.file(configFile, true);
        }
        return loader.load();
    }

    /** The {@code --set} settings, in the order given. */
    public Map<String, String> overrides() {
        return java.util.Collections.unmodifiableMap(overrides);
    }

    /** The environment named on the command line, if one was. */
    public Optional<EnvironmentName> explicitEnvironment() {
        return Optional.ofNullable(environment).map(name -> load().environment());
    }

    /** These options as command-line arguments, for a child harness JVM that must see the same settings. */
    public java.util.List<String> asArguments() {
        java.util.List<String> arguments = new java.util.ArrayList<>();
        if (environment != null) {
            arguments.add("--env");
            arguments.add(environment);
        }
        if (configFile != null) {
            arguments.add("--config");
            arguments.add(configFile.toAbsolutePath().toString());
        }
        overrides.forEach((key, value) -> {
            arguments.add("--set");
            arguments.add(key + "=" + value);
        });
        return arguments;
    }
}
