package dev.perfharness.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link HarnessSettings} from every source, in rising precedence: defaults, files, environment
 * variables, flags. The caller hands in the process environment and flags once; nothing else in the
 * project reads {@code System.getenv}.
 */
public final class SettingsLoader {
    /** The project's own file, looked for in the project folder. */
    public static final String PROJECT_FILE = "harness.properties";
    // An injected regression is a few percent of an operation; these bounds only catch a slip (1m for 1ms, a size in KB).
    private static final Duration MAX_INJECTED_CPU = Duration.ofSeconds(1);
    private static final int MAX_INJECTED_ALLOC = 16 * 1024 * 1024;

    private final Map<String, String> environment;
    private final Map<String, String> flags;
    private final List<Path> files = new ArrayList<>();
    private Path projectDir = Path.of("").toAbsolutePath();

    private SettingsLoader(Map<String, String> environment, Map<String, String> flags) {
        this.environment = Map.copyOf(environment);
        this.flags = Map.copyOf(flags);
    }

    /**
     * A loader over the given process environment and command-line flags (keys as in {@link Setting#key()}).
     *
     * @throws SettingsException when a flag names an unknown key
     */
    public static SettingsLoader of(Map<String, String> environment, Map<String, String> flags) {
        flags.keySet().forEach(key -> Setting.byKey(key).orElseThrow(() -> unknownKey(key, Origin.flag())));
        return new SettingsLoader(environment, flags);
    }

    /** Settings from defaults only, for tests and tools that want no outside influence. */
    public static HarnessSettings defaults() {
        return of(Map.of(), Map.of()).load();
    }

    /** The folder that relative paths (the state folder, {@value #PROJECT_FILE}) are resolved against. */
    public SettingsLoader projectDir(Path dir) {
        this.projectDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /** Adds a properties file; a later file wins over an earlier one. A missing file is skipped unless required. */
    public SettingsLoader file(Path path, boolean required) {
        if (Files.isRegularFile(path)) {
            files.add(path);
        } else if (required) {
            throw new SettingsException("config file " + path + " does not exist");
        }
        return this;
    }

    /** Adds the user's file under {@code $HOME/.config/perf-harness} and the project's {@value #PROJECT_FILE}. */
    public SettingsLoader standardFiles() {
        Optional.ofNullable(environment.get("HOME"))
                .map(home -> Path.of(home, ".config", "perf-harness", "harness.properties"))
                .ifPresent(path -> file(path, false));
        return file(projectDir.resolve(PROJECT_FILE), false);
    }

    public HarnessSettings load() {
        Map<Setting, RawValue> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            raw.put(setting, new RawValue(setting, setting.defaultValue(), Origin.DEFAULT));
        }
        for (Path file : files) {
            readFile(file).forEach((key, value) -> {
                Setting setting = Setting.byKey(key).orElseThrow(() -> unknownKey(key, Origin.file(file)));
                raw.put(setting, new RawValue(setting, value, Origin.file(file)));
            });
        }
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null && !value.isBlank()) {
                raw.put(setting, new RawValue(setting, value, Origin.environmentVariable(setting.environmentVariable())));
            }
        }
        flags.forEach((key, value) -> {
            Setting setting = Setting.byKey(key).orElseThrow();
            raw.put(setting, new RawValue(setting, value, Origin.flag()));
        });
        return build(raw);
    }

    private HarnessSettings build(Map<Setting, RawValue> raw) {
        RedisSettings redis = new RedisSettings(
                optionalText(raw.get(Setting.REDIS_ADDR)).map(text -> ValueParsers.hostAndPort(raw.get(Setting.REDIS_ADDR))),
                ValueParsers.integer(raw.get(Setting.REDIS_POOL_SIZE), 1, 10_000),
                ValueParsers.duration(raw.get(Setting.REDIS_READ_TIMEOUT)),
                ValueParsers.duration(raw.get(Setting.REDIS_WRITE_TIMEOUT)),
                ValueParsers.integer(raw.get(Setting.REDIS_MAX_RETRIES), 0, 100),
                optionalText(raw.get(Setting.REDIS_BINARY)).filter(text -> !text.equals("bundled")));
        ServerSettings server = new ServerSettings(
                raw.get(Setting.SERVER_HOST).text().trim(),
                ValueParsers.integer(raw.get(Setting.SERVER_PORT), 0, 65_535),
                ValueParsers.duration(raw.get(Setting.SERVER_READINESS_TIMEOUT)),
                ValueParsers.duration(raw.get(Setting.SERVER_SHUTDOWN_GRACE)));
        JobSettings jobs = new JobSettings(
                ValueParsers.integer(raw.get(Setting.TRACKER_JOBS), 0, 10_000_000),
                ValueParsers.longInteger(raw.get(Setting.TRACKER_SEED)),
                ValueParsers.integer(raw.get(Setting.TRACKER_MAX_FAILED_LIMIT), 1, 1_000_000),
                ValueParsers.choice(raw.get(Setting.PULLER), JobSettings.PullerKind.class),
                ValueParsers.positiveDuration(raw.get(Setting.PULLER_DURATION)),
                ValueParsers.fraction(raw.get(Setting.PULLER_FAILURE_RATE)));
        CacheSettings cache = new CacheSettings(
                ValueParsers.choice(raw.get(Setting.CACHE), CacheVariant.class),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_READ_TIMEOUT)),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_WRITE_TIMEOUT)),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_ACTIVE_TTL)),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_FAILED_TTL)),
                ValueParsers.fraction(raw.get(Setting.CACHE_EARLY_REFRESH)),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_WARN_INTERVAL)),
                ValueParsers.positiveDuration(raw.get(Setting.CACHE_PROBE_INTERVAL)));
        WatchSettings watch = new WatchSettings(
                ValueParsers.choice(raw.get(Setting.WS), Variant.class),
                ValueParsers.positiveDuration(raw.get(Setting.WS_PING_INTERVAL)),
                ValueParsers.positiveDuration(raw.get(Setting.WS_WRITE_TIMEOUT)),
                ValueParsers.positiveDuration(raw.get(Setting.WS_IDLE_TIMEOUT)),
                ValueParsers.positiveDuration(raw.get(Setting.WS_POLL_INTERVAL)),
                ValueParsers.integer(raw.get(Setting.WS_MAX_SUBSCRIPTIONS), 1, 100_000),
                ValueParsers.integer(raw.get(Setting.WS_MAX_MESSAGE_BYTES), 64, 1_048_576));
        PodLogSettings podLogs = new PodLogSettings(
                ValueParsers.choice(raw.get(Setting.LOGS), Variant.class),
                ValueParsers.choice(raw.get(Setting.LOGS_SOURCE), PodLogSettings.LogSourceKind.class),
                ValueParsers.positiveDuration(raw.get(Setting.LOGS_DISCOVERY_TIMEOUT)),
                ValueParsers.integer(raw.get(Setting.LOGS_MAX_TAIL_LINES), 1, 10_000_000),
                ValueParsers.integer(raw.get(Setting.LOGS_SYNTHETIC_RATE), 0, 10_000_000),
                ValueParsers.integer(raw.get(Setting.LOGS_SYNTHETIC_LINES), 1, Integer.MAX_VALUE),
                ValueParsers.integer(raw.get(Setting.LOGS_SYNTHETIC_LINE_BYTES), 1, 1_048_576));
        DockerSettings docker = new DockerSettings(
                ValueParsers.choice(raw.get(Setting.DOCKER_CLIENT), DockerSettings.DockerClientVariant.class),
                ValueParsers.integer(raw.get(Setting.DOCKER_POOL_MAX_CONNECTIONS), 1, 10_000),
                ValueParsers.integer(raw.get(Setting.DOCKER_POOL_MAX_PER_HOST), 1, 10_000),
                ValueParsers.positiveDuration(raw.get(Setting.DOCKER_POOL_IDLE_TIMEOUT)),
                ValueParsers.integer(raw.get(Setting.DOCKER_BREAKER_FAILURES), 1, 10_000),
                ValueParsers.positiveDuration(raw.get(Setting.DOCKER_BREAKER_OPEN_FOR)),
                ValueParsers.integer(raw.get(Setting.DOCKER_BULKHEAD), 1, 100_000),
                new DockerSettings.Timeouts(
                        ValueParsers.choice(raw.get(Setting.DOCKER_TIMEOUTS), DockerSettings.TimeoutVariant.class),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_FIXED)),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_START)),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_STOP)),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_PULL)),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_BUILD)),
                        ValueParsers.positiveDuration(raw.get(Setting.DOCKER_TIMEOUT_PUSH))));
        ImageSettings images = new ImageSettings(
                ValueParsers.choice(raw.get(Setting.PULLS), ImageSettings.PullVariant.class),
                ValueParsers.integer(raw.get(Setting.PULLS_PARALLELISM), 1, 1_000),
                optionalText(raw.get(Setting.REGISTRY_ADDR)).map(text -> ValueParsers.hostAndPort(raw.get(Setting.REGISTRY_ADDR))),
                ValueParsers.choice(raw.get(Setting.REGISTRY_AUTH), ImageSettings.AuthVariant.class),
                ValueParsers.positiveDuration(raw.get(Setting.REGISTRY_AUTH_TTL)),
                raw.get(Setting.REGISTRY_USERNAME).text().trim(),
                raw.get(Setting.REGISTRY_PASSWORD).text(),
                ValueParsers.choice(raw.get(Setting.BUILD_CONTEXT), ImageSettings.BuildContextVariant.class));
        WorkerSettings workers = new WorkerSettings(
                ValueParsers.choice(raw.get(Setting.WORKERS), WorkerSettings.WorkerVariant.class),
                ValueParsers.integer(raw.get(Setting.WORKERS_COUNT), 1, 1_000),
                ValueParsers.integer(raw.get(Setting.WORKERS_QUEUE), 1, 1_000_000));
        TokenSettings tokens = new TokenSettings(
                ValueParsers.choice(raw.get(Setting.TOKENS), TokenSettings.TokenVariant.class),
                ValueParsers.positiveDuration(raw.get(Setting.TOKENS_TTL)),
                ValueParsers.integer(raw.get(Setting.TOKENS_MAX), 1, 100_000_000),
                ValueParsers.positiveDuration(raw.get(Setting.TOKENS_CLEANUP_INTERVAL)),
                ValueParsers.integer(raw.get(Setting.TOKENS_CLEANUP_BATCH), 1, 1_000_000),
                ValueParsers.choice(raw.get(Setting.API_AUTH), ApiAuth.class) == ApiAuth.BEARER);
        BufferSettings buffers = new BufferSettings(
                ValueParsers.choice(raw.get(Setting.BUFFERS), BufferSettings.BufferVariant.class),
                ValueParsers.integer(raw.get(Setting.BUFFERS_PREWARM), 0, 10_000));
        OutputSettings output = new OutputSettings(
                ValueParsers.choice(raw.get(Setting.LOG_FORMAT), OutputSettings.LogFormat.class),
                ValueParsers.choice(raw.get(Setting.AGGREGATOR), OutputSettings.AggregatorVariant.class),
                ValueParsers.integer(raw.get(Setting.AGGREGATOR_BATCH), 1, 100_000),
                ValueParsers.positiveDuration(raw.get(Setting.AGGREGATOR_INTERVAL)),
                ValueParsers.integer(raw.get(Setting.AGGREGATOR_CAPACITY), 1, 10_000_000),
                ValueParsers.choice(raw.get(Setting.AGGREGATOR_WHEN_FULL), OutputSettings.WhenFull.class));
        ContainerSettings containers = new ContainerSettings(
                ValueParsers.choice(raw.get(Setting.CONTAINERS_NETWORK), ContainerSettings.NetworkMode.class),
                ValueParsers.choice(raw.get(Setting.CONTAINERS_PULL), ContainerSettings.PullPolicy.class),
                ValueParsers.choice(raw.get(Setting.CONTAINERS_RYUK), Toggle.class) == Toggle.ENABLED,
                requiredText(raw.get(Setting.IMAGE_REDIS)),
                requiredText(raw.get(Setting.IMAGE_BUSYBOX)),
                requiredText(raw.get(Setting.IMAGE_REGISTRY)),
                requiredText(raw.get(Setting.IMAGE_K3S)),
                ValueParsers.bool(raw.get(Setting.K3S_ENABLED)));
        ExternalSettings external = new ExternalSettings(
                optionalText(raw.get(Setting.DOCKER_HOST)), optionalText(raw.get(Setting.KUBECONFIG)));
        InjectionSettings injection = new InjectionSettings(
                ValueParsers.workDuration(raw.get(Setting.INJECT_CPU), MAX_INJECTED_CPU),
                ValueParsers.integer(raw.get(Setting.INJECT_ALLOC), 0, MAX_INJECTED_ALLOC));
        return new HarnessSettings(
                ValueParsers.choice(raw.get(Setting.ENV), EnvironmentName.class),
                projectDir.resolve(requiredText(raw.get(Setting.STATE_DIR))).normalize(),
                redis, server, jobs, cache, watch, podLogs, docker, images, workers, tokens, buffers, output,
                containers, external, injection, raw);
    }

    private enum Toggle { ENABLED, DISABLED }

    private enum ApiAuth { OFF, BEARER }

    private static Optional<String> optionalText(RawValue raw) {
        return Optional.of(raw.text().trim()).filter(text -> !text.isEmpty());
    }

    private static String requiredText(RawValue raw) {
        return optionalText(raw).orElseThrow(() -> raw.invalid("must not be empty"));
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new java.util.TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static SettingsException unknownKey(String key, Origin origin) {
        return new SettingsException("unknown setting \"%s\" (from %s); known settings: %s".formatted(
                key, origin, java.util.Arrays.stream(Setting.values()).map(Setting::key).toList()));
    }
}
