package dev.perfharness.sut.tokens;

import java.util.Base64;
import java.util.Optional;

/**
 * The wire form of a token: {@value #SECRET_BYTES} random bytes as URL-safe base64 without padding,
 * always {@value #TEXT_LENGTH} characters.
 */
final class TokenFormat {
    static final int SECRET_BYTES = 32;
    static final int TEXT_LENGTH = 43;
    /**
     * The characters that may end a canonical token: 43 characters carry 258 bits for 256, so the last
     * character's two low bits are zero. The JDK's decoder ignores them, which would let four spellings
     * of one token through; refusing the other three keeps one token one string.
     */
    private static final String CANONICAL_LAST = "AEIMQUYcgkosw048";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TokenFormat() {
    }

    static String encode(byte[] secret) {
        return ENCODER.encodeToString(secret);
    }

    /** Why {@code token} is not a well-formed token (without quoting it); empty when it is one. */
    static Optional<String> problem(String token) {
        if (token.length() != TEXT_LENGTH) {
            return Optional.of("the bearer token must be %d characters of URL-safe base64 (%d bytes), got %d characters"
                    .formatted(TEXT_LENGTH, SECRET_BYTES, token.length()));
        }
        for (int i = 0; i < TEXT_LENGTH; i++) {
            if (!urlSafeBase64(token.charAt(i))) {
                return Optional.of("the bearer token is not URL-safe base64: character %d is outside A-Z a-z 0-9 - _".formatted(i + 1));
            }
        }
        if (CANONICAL_LAST.indexOf(token.charAt(TEXT_LENGTH - 1)) < 0) {
            return Optional.of("the bearer token is not canonical base64 of %d bytes: its last character has stray bits".formatted(SECRET_BYTES));
        }
        return Optional.empty();
    }

    /** The secret of a token {@link #problem} accepts. */
    static byte[] decode(String token) {
        return DECODER.decode(token);
    }

    private static boolean urlSafeBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
