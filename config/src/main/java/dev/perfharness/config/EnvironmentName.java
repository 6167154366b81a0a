package dev.perfharness.config;

/** The places Redis, a Docker engine and a Kubernetes API can come from (DESIGN.md, "Environments"). */
public enum EnvironmentName {
    /** A redis-server started by the harness on a free loopback port; nothing to install. */
    EMBEDDED,
    /** Containers on the Docker engine Testcontainers finds. */
    TESTCONTAINERS,
    /** Endpoints given by configuration: a staging cluster, a capacity run. */
    EXTERNAL;

    public String label() {
        return ValueParsers.label(this);
    }
}
