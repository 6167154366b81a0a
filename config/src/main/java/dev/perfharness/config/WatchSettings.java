package dev.perfharness.config;

import java.time.Duration;

/**
 * The job-watch WebSockets ({@code /ws/image-pull/{jobId}}, {@code /ws/image-pull-all}).
 *
 * @param pollInterval      before variant: how often each watch polls its job
 * @param maxSubscriptions  per {@code /ws/image-pull-all} connection
 * @param maxMessageBytes   client messages above this get an error message instead of an answer
 */
public record WatchSettings(
        Variant variant,
        Duration pingInterval,
        Duration writeTimeout,
        Duration idleTimeout,
        Duration pollInterval,
        int maxSubscriptions,
        int maxMessageBytes) {
}
