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
            "what runs POST /api/v1/images/pull: simulated (layers progress over time, no engine needed) or docker (a real pull from the registry)"),
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

    DOCKER_CLIENT("docker.client", "HARNESS_DOCKER_CLIENT", "pooled",
            "Docker API client: per-call (a new connection for every call, seed 003's before) or pooled "
                    + "(a connection pool behind a circuit breaker and a bulkhead)"),
    DOCKER_POOL_MAX_CONNECTIONS("docker.pool.max-connections", "HARNESS_DOCKER_POOL_MAX", "100", "pooled client: connections in all"),
    DOCKER_POOL_MAX_PER_HOST("docker.pool.max-per-host", "HARNESS_DOCKER_POOL_MAX_PER_HOST", "50", "pooled client: connections per engine"),
    DOCKER_POOL_IDLE_TIMEOUT("docker.pool.idle-timeout", "HARNESS_DOCKER_POOL_IDLE", "90s", "pooled client: an idle connection is closed after this"),
    DOCKER_BREAKER_FAILURES("docker.breaker.failures", "HARNESS_DOCKER_BREAKER_FAILURES", "10",
            "pooled client: consecutive failed calls that open the circuit breaker"),
    DOCKER_BREAKER_OPEN_FOR("docker.breaker.open-for", "HARNESS_DOCKER_BREAKER_OPEN_FOR", "30s",
            "pooled client: how long the breaker stays open before it lets a trial call through"),
    DOCKER_BULKHEAD("docker.bulkhead", "HARNESS_DOCKER_BULKHEAD", "200", "pooled client: Docker calls in flight at most"),
    DOCKER_TIMEOUTS("docker.timeouts", "HARNESS_DOCKER_TIMEOUTS", "per-operation",
            "fixed (one timeout for every call, seed 002's before) or per-operation"),
    DOCKER_TIMEOUT_FIXED("docker.timeout.fixed", "HARNESS_DOCKER_TIMEOUT_FIXED", "10m", "the fixed timeout (seed 002: 10 min)"),
    DOCKER_TIMEOUT_START("docker.timeout.start", "HARNESS_DOCKER_TIMEOUT_START", "2m", "per-operation: create, start, wait and logs"),
    DOCKER_TIMEOUT_STOP("docker.timeout.stop", "HARNESS_DOCKER_TIMEOUT_STOP", "30s", "per-operation: stop, remove, inspect, tag and ping"),
    DOCKER_TIMEOUT_PULL("docker.timeout.pull", "HARNESS_DOCKER_TIMEOUT_PULL", "5m", "per-operation: pull"),
    DOCKER_TIMEOUT_BUILD("docker.timeout.build", "HARNESS_DOCKER_TIMEOUT_BUILD", "15m", "per-operation: build"),
    DOCKER_TIMEOUT_PUSH("docker.timeout.push", "HARNESS_DOCKER_TIMEOUT_PUSH", "10m", "per-operation: push"),

    PULLS("pulls", "HARNESS_PULLS", "parallel",
            "images of one batch: sequential (one after another, seed 002's before) or parallel (pulls.parallelism at a time)"),
    PULLS_PARALLELISM("pulls.parallelism", "HARNESS_PULLS_PARALLELISM", "3", "parallel pulls at a time (seed 002: 3)"),
    REGISTRY_ADDR("registry.addr", "HARNESS_REGISTRY_ADDR", "",
            "host:port of the image registry the docker puller uses; empty: the environment's local registry"),
    REGISTRY_AUTH("registry.auth", "HARNESS_REGISTRY_AUTH", "cached",
            "registry auth header: per-call (encoded for every call, seed 002's before) or cached (for registry.auth-ttl)"),
    REGISTRY_AUTH_TTL("registry.auth-ttl", "HARNESS_REGISTRY_AUTH_TTL", "15m", "how long a cached auth header is reused (seed 002: 15 min)"),
    REGISTRY_USERNAME("registry.username", "HARNESS_REGISTRY_USERNAME", "perf-harness", "registry user name sent with pulls"),
    REGISTRY_PASSWORD("registry.password", "HARNESS_REGISTRY_PASSWORD", "", "registry password sent with pulls"),

    WORKERS("workers", "HARNESS_WORKERS", "fixed-pool",
            "container operations: sequential (seed 002's before), fixed-pool (workers.count threads, a queue of "
                    + "workers.queue, seed 002's after) or virtual-threads (a virtual thread each, workers.count at a time)"),
    WORKERS_COUNT("workers.count", "HARNESS_WORKERS_COUNT", "4", "workers, or operations at a time on virtual threads (seed 002: 4)"),
    WORKERS_QUEUE("workers.queue", "HARNESS_WORKERS_QUEUE", "100", "operations waiting at most; beyond, a submission is refused (seed 002: 100)"),

    TOKENS("tokens", "HARNESS_TOKENS", "min-heap",
            "token manager: per-token-timer (a timer per token, seed 003's before), min-heap (one cleaner, seed 003's after) or caffeine"),
    TOKENS_TTL("tokens.ttl", "HARNESS_TOKENS_TTL", "1h", "how long a token is valid"),
    TOKENS_MAX("tokens.max", "HARNESS_TOKENS_MAX", "10000", "tokens held at most; the least recently used goes first (seed 003: 10000)"),
    TOKENS_CLEANUP_INTERVAL("tokens.cleanup-interval", "HARNESS_TOKENS_CLEANUP_INTERVAL", "5m", "min-heap: how often the cleaner runs (seed 003: 5 min)"),
    TOKENS_CLEANUP_BATCH("tokens.cleanup-batch", "HARNESS_TOKENS_CLEANUP_BATCH", "100", "min-heap: expired tokens removed per batch (seed 003: 100)"),
    API_AUTH("api.auth", "HARNESS_API_AUTH", "off",
            "off, or bearer: every /api/ call but POST /api/v1/tokens needs 'Authorization: Bearer <token>'"),

    BUFFERS("buffers", "HARNESS_BUFFERS", "tiered",
            "byte buffers of log streams and tars: none (allocate each time), fixed (32 KB and 8 KB pools, seed 002), "
                    + "tiered (1 KB to 10 MB tiers, seed 003) or netty (Netty's pooled allocator)"),
    BUFFERS_PREWARM("buffers.prewarm", "HARNESS_BUFFERS_PREWARM", "50", "tiered: buffers allocated per tier at start (seed 003: 50)"),

    LOG_FORMAT("log-format", "HARNESS_LOG_FORMAT", "builder",
            "prefixing container output lines: concat (string +, seed 002's before), builder (a sized StringBuilder) or pooled (pooled builders)"),
    AGGREGATOR("aggregator", "HARNESS_AGGREGATOR", "async",
            "container output aggregation: sync (each line handled on arrival) or async (batches of aggregator.batch or every aggregator.interval)"),
    AGGREGATOR_BATCH("aggregator.batch", "HARNESS_AGGREGATOR_BATCH", "50", "async: lines per batch (seed 002: 50)"),
    AGGREGATOR_INTERVAL("aggregator.interval", "HARNESS_AGGREGATOR_INTERVAL", "16ms", "async: longest wait before a partial batch goes (seed 002: 16 ms)"),
    AGGREGATOR_CAPACITY("aggregator.capacity", "HARNESS_AGGREGATOR_CAPACITY", "1000", "async: lines waiting at most (seed 002: 1000)"),
    AGGREGATOR_WHEN_FULL("aggregator.when-full", "HARNESS_AGGREGATOR_WHEN_FULL", "block",
            "async, when full: block (the producer waits) or count-drops (the line is dropped and counted in /metrics)"),

    BUILD_CONTEXT("build.context", "HARNESS_BUILD_CONTEXT", "streamed",
            "a build context's tar: in-memory (whole, seed 002's before) or streamed (through a pipe)"),

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

    INJECT_CPU("inject.cpu", "HARNESS_INJECT_CPU", "0",
            "a regression of known size, to show the gate catches it: CPU time spun per operation (per API request "
                    + "in the service, per call in the benchmarks), like 250ns, 2us or 1ms; 0 is off"),
    INJECT_ALLOC("inject.alloc", "HARNESS_INJECT_ALLOC", "0",
            "a regression of known size, to show the gate catches it: bytes allocated per operation, a whole number "
                    + "(one array: at least 16, rounded up to 8); 0 is off"),

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
