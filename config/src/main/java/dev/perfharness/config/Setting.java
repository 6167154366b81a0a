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
