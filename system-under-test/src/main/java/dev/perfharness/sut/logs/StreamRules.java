package dev.perfharness.sut.logs;

import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.Variant;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything that differs between the before and after pod log streams; one stream implementation reads
 * these rules instead of two copies of it.
 *
 * @param variant           which side of seed 000's change
 * @param discoveryTimeout  how long to wait for a job's pod; empty waits until the client leaves
 * @param maxTailLines      the largest {@code tailLines} accepted; empty for no limit
 */
record StreamRules(Variant variant, Optional<Duration> discoveryTimeout, OptionalInt maxTailLines) {

    static StreamRules of(PodLogSettings settings) {
        return switch (settings.variant()) {
            case BEFORE -> new StreamRules(Variant.BEFORE, Optional.empty(), OptionalInt.empty());
            case AFTER -> new StreamRules(Variant.AFTER, Optional.of(settings.discoveryTimeout()), OptionalInt.of(settings.maxTailLines()));
        };
    }

    /**
     * After: the seed's readDone. The client leaving stops the stream and closes the log at once. Before:
     * the copy loop learns it only when its next send fails, which for a quiet log may be never.
     */
    boolean stopsWhenClientLeaves() {
        return variant == Variant.AFTER;
    }

    /** After: the shared heartbeat pings the connection (seed 000's 54 s ping). */
    boolean heartbeat() {
        return variant == Variant.AFTER;
    }

    /**
     * The tail when the client names none: after, the limit, so that no request reads a whole log;
     * before, none (the whole log).
     */
    OptionalInt defaultTail() {
        return maxTailLines;
    }
}
