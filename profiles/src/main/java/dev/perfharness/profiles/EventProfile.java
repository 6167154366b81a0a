package dev.perfharness.profiles;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One event's profile of a window, as files.
 *
 * @param event      what was sampled
 * @param agentEvent the event async-profiler was given ({@code cpu}, {@code ctimer} or {@code alloc})
 * @param collapsed  the collapsed stacks
 * @param flameGraph async-profiler's own self-contained HTML flame graph
 * @param samples    the samples in the collapsed stacks
 * @param window     how long this event was sampled
 */
public record EventProfile(ProfiledEvent event, String agentEvent, Path collapsed, Path flameGraph, long samples,
                           Duration window) {
}
