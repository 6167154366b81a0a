package dev.perfharness.config;

import java.time.Duration;

/**
 * The pod-log stream ({@code /ws/pod-logs}).
 *
 * @param discoveryTimeout       after variant: how long to wait for a job's pod
 * @param maxTailLines           after variant: largest {@code tailLines}
 * @param syntheticLinesPerSecond synthetic source: 0 means as fast as the client reads
 */
public record PodLogSettings(
        Variant variant,
        LogSourceKind source,
        Duration discoveryTimeout,
        int maxTailLines,
        int syntheticLinesPerSecond,
        int syntheticLines,
        int syntheticLineBytes) {

    public enum LogSourceKind { SYNTHETIC, KUBERNETES, DOCKER }
}
