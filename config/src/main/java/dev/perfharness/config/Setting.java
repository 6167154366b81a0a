package dev.perfharness.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key the harness knows, with its environment variable, default and meaning.
 *
 * <p>Keys are dotted ({@code redis.read-timeout}); each also reads from one environment variable.
 * The Redis variables keep the names of seed 001 ({@code REDIS_ADDR}, {@code REDIS_POOL_SIZE}, ...)
 * so a deployment written for the seed's service configures this one unchanged.
 */
public enum Setting {
    ENV("env", "HARNESS_ENV", "embedded",
            "where Redis, Docker and Kubernetes come from: embedded, testcontainers or external"),
    STATE_DIR("state.dir", "HARNESS_STATE_DIR", ".harness",
            "folder (relative to the project) that keeps the state of 'env up' between commands"),

    REDIS_ADDR("redis.addr", "REDIS_ADDR", "",
            "host:port of Redis for the external environment; the others choose it themselves"),
    REDIS_POOL_SIZE("redis.pool-size", "REDIS_POOL_SIZE", "10", "Redis connections the service keeps"),
    REDIS_READ_TIMEOUT("redis.read-timeout", "REDIS_READ_TIMEOUT", "3s", "Redis command timeout for reads"),
    REDIS_WRITE_TIMEOUT("redis.write-timeout", "REDIS_WRITE_TIMEOUT", "3s", "Redis command timeout for writes"),
    REDIS_MAX_RETRIES("redis.max-retries", "REDIS_MAX_RETRIES", "3", "reconnect attempts before a command fails"),
    REDIS_BINARY("redis.binary", "HARNESS_REDIS_BINARY", "bundled",
            "embedded environment: 'bundled' (the binary inside the embedded-redis artifact, "
                    + "else redis-server on PATH) or the path of a redis-server"),

    SERVER_HOST("server.host", "HARNESS_SERVER_HOST", "127.0.0.1", "address the reference service listens on"),
    SERVER_PORT("server.port", "HARNESS_SERVER_PORT", "8080", "port of the reference service; 0 picks a free one"),
    SERVER_READINESS_TIMEOUT("server.readiness-timeout", "HARNESS_READINESS_TIMEOUT", "500ms",
            "how long /readyz waits for Redis to answer PING"),
    SERVER_SHUTDOWN_GRACE("server.shutdown-grace", "HARNESS_SHUTDOWN_GRACE", "5s",
            "how long a stopping service lets requests in flight finish"),

    TRACKER_JOBS("tracker.jobs", "HARNESS_TRACKER_JOBS", "10000",
            "finished and frozen pull jobs the tracker holds at start; listing cost grows with this number"),
    TRACKER_SEED("tracker.seed", "HARNESS_TRACKER_SEED", "42", "seed of the pre-filled jobs, so two runs list the same jobs"),
    TRACKER_MAX_FAILED_LIMIT("tracker.max-failed-limit", "HARNESS_MAX_FAILED_LIMIT", "1000",
            "largest ?limit= that GET /api/v1/images/pull-failed accepts"),
    PULLER("puller", "HARNESS_PULLER", "simulated",
            "what runs POST /api/v1/images/pull: simulated (layers progress over time, no engine needed)"),
    PULLER_DURATION("puller.duration", "HARNESS_PULLER_DURATION", "3s", "simulated puller: how long a pull takes"),
    PULLER_FAILURE_RATE("puller.failure-rate", "HARNESS_PULLER_FAILURE_RATE", "0.1",
            "simulated puller: share of pulls that fail (0 to 1), decided per job from tracker.seed"),

    CACHE("cache", "HARNESS_CACHE", "aside-singleflight",
            "job-list cache variant: none (before), aside (seed 001's after), aside-singleflight (aside plus "
                    + "request coalescing, early refresh and fail-fast during a Redis outage)"),
    CACHE_READ_TIMEOUT("cache.read-timeout", "HARNESS_CACHE_READ_TIMEOUT", "1s", "longest wait for a cache GET (seed 001: 1s)"),
    CACHE_WRITE_TIMEOUT("cache.write-timeout", "HARNESS_CACHE_WRITE_TIMEOUT", "2s", "longest wait for a cache SET (seed 001: 2s)"),
    CACHE_ACTIVE_TTL("cache.active-ttl", "HARNESS_CACHE_ACTIVE_TTL", "5s", "TTL of image:pull:active (seed 001: 5s)"),
    CACHE_FAILED_TTL("cache.failed-ttl", "HARNESS_CACHE_FAILED_TTL", "30s", "TTL of image:pull:failed:{limit} (seed 001: 30s)"),
    CACHE_EARLY_REFRESH("cache.early-refresh", "HARNESS_CACHE_EARLY_REFRESH", "0.2",
            "aside-singleflight: refresh a key in the background once less than this share of its TTL is left"),
    CACHE_WARN_INTERVAL("cache.warn-interval", "HARNESS_CACHE_WARN_INTERVAL", "30s",
            "at most one 'cache unavailable' warning per this interval"),
    CACHE_PROBE_INTERVAL("cache.probe-interval", "HARNESS_CACHE_PROBE_INTERVAL", "250ms",
            "aside-singleflight: while Redis is down, how often a background PING checks whether it is back"),

    WS("ws", "HARNESS_WS", "after",
            "job watch variant: before (a 100 ms polling loop per watch) or after (one event-driven fan-out registry)"),
    WS_PING_INTERVAL("ws.ping-interval", "HARNESS_WS_PING_INTERVAL", "54s", "WebSocket ping period (seed 000: 54s)"),
    WS_WRITE_TIMEOUT("ws.write-timeout", "HARNESS_WS_WRITE_TIMEOUT", "10s",
            "a WebSocket write not done within this closes the connection (seed 001: 10s)"),
    WS_IDLE_TIMEOUT("ws.idle-timeout", "HARNESS_WS_IDLE_TIMEOUT", "60s",
            "a WebSocket that receives nothing (not even a pong) for this long is closed"),
    WS_POLL_INTERVAL("ws.poll-interval", "HARNESS_WS_POLL_INTERVAL", "100ms", "before variant: how often each watch polls its job"),
    WS_MAX_SUBSCRIPTIONS("ws.max-subscriptions", "HARNESS_WS_MAX_SUBSCRIPTIONS", "100",
            "subscriptions one /ws/image-pull-all connection may hold"),
    WS_MAX_MESSAGE_BYTES("ws.max-message-bytes", "HARNESS_WS_MAX_MESSAGE_BYTES", "4096",
            "largest client message answered normally; larger ones get an error message"),

    LOGS("logs", "HARNESS_LOGS", "after",
            "pod log stream variant: before (unbounded tail, no discovery timeout) or after (seed 000's limits)"),
    LOGS_SOURCE("logs.source", "HARNESS_LOGS_SOURCE", "synthetic",
            "where /ws/pod-logs reads: synthetic, kubernetes (fabric8) or docker (container logs)"),
    LOGS_DISCOVERY_TIMEOUT("logs.discovery-timeout", "HARNESS_LOGS_DISCOVERY_TIMEOUT", "60s",
            "after variant: how long to wait for a job's pod (seed 000: 60s)"),
    LOGS_MAX_TAIL_LINES("logs.max-tail-lines", "HARNESS_LOGS_MAX_TAIL_LINES", "10000",
            "after variant: largest tailLines accepted (seed 000: 10000)"),
    LOGS_SYNTHETIC_RATE("logs.synthetic-rate", "HARNESS_LOGS_SYNTHETIC_RATE", "1000",
            "synthetic source: lines per second per stream; 0 writes as fast as the client reads"),
    LOGS_SYNTHETIC_LINES("logs.synthetic-lines", "HARNESS_LOGS_SYNTHETIC_LINES", "10000",
            "synthetic source: lines in one stream before it ends"),
    LOGS_SYNTHETIC_LINE_BYTES("logs.synthetic-line-bytes", "HARNESS_LOGS_SYNTHETIC_LINE_BYTES", "120",
            "synthetic source: bytes in one log line"),

    CONTAINERS_NETWORK("containers.network", "HARNESS_CONTAINERS_NETWORK", "bridge",
            "bridge (mapped ports, the usual) or host (every byte on the host's loopback)"),
    CONTAINERS_PULL("containers.pull", "HARNESS_CONTAINERS_PULL", "missing",
            "missing (pull an image that is not local) or never (local images only)"),
    CONTAINERS_RYUK("containers.ryuk", "HARNESS_CONTAINERS_RYUK", "enabled",
            "enabled or disabled: whether Testcontainers' Ryuk reaper is expected to run"),
    IMAGE_REDIS("containers.image.redis", "HARNESS_IMAGE_REDIS", "redis:7.4", "Redis image"),
    IMAGE_BUSYBOX("containers.image.busybox", "HARNESS_IMAGE_BUSYBOX", "busybox:1.37", "image of short-lived work containers"),
    IMAGE_REGISTRY("containers.image.registry", "HARNESS_IMAGE_REGISTRY", "registry:2", "image registry image"),
    IMAGE_K3S("containers.image.k3s", "HARNESS_IMAGE_K3S", "rancher/k3s:v1.31.4-k3s1", "k3s image"),
    K3S_ENABLED("containers.k3s", "HARNESS_K3S", "false",
            "testcontainers environment: also start a k3s cluster (needs its image and a privileged container)"),

    DOCKER_HOST("docker.host", "DOCKER_HOST", "", "external environment: the Docker engine's address"),
    KUBECONFIG("kube.config", "KUBECONFIG", "", "external environment: path of a kubeconfig");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final String description;

    Setting(String key, String environmentVariable, String defaultValue, String description) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting whose key is {@code key}, ignoring case. */
    public static Optional<Setting> byKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(wanted)).findFirst();
    }
}
