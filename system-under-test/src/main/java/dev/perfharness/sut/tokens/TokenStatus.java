package dev.perfharness.sut.tokens;

import java.util.Locale;

/** What a validation found; {@link #label()} is the {@code reason} of a 401 and the metric tag. */
public enum TokenStatus {
    VALID,
    /** No {@code Authorization} header at all (only the bearer check sees this one). */
    MISSING,
    /** Not {@code Bearer <token>}, not URL-safe base64, or not 32 bytes. */
    MALFORMED,
    /** Well formed, but not a token this service holds: never issued, evicted, or removed after expiry. */
    UNKNOWN,
    /** Held, but past its expiry; refused even before the cleanup removes it. */
    EXPIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
