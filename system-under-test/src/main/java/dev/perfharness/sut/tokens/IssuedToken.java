package dev.perfharness.sut.tokens;

import java.time.Instant;

/**
 * A token as its holder gets it; the body of {@code POST /api/v1/tokens} ({@code {"token","expires_at"}}).
 * The service keeps only the token's SHA-256, never this text.
 *
 * @param token     43 characters of URL-safe base64 (32 random bytes, no padding)
 * @param expiresAt after this instant the token is refused
 */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        // Never the secret, should a token end up in a log line.
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
