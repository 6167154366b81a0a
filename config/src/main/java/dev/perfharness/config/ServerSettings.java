package dev.perfharness.config;

import java.time.Duration;

/**
 * Where and how the reference service listens.
 *
 * @param port              0 picks a free port
 * @param readinessTimeout  how long {@code /readyz} waits for Redis
 * @param shutdownGrace     how long a stop lets requests in flight finish
 */
public record ServerSettings(String host, int port, Duration readinessTimeout, Duration shutdownGrace) {
}
