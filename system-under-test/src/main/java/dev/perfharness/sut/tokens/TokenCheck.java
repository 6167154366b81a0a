package dev.perfharness.sut.tokens;

/**
 * The outcome of validating a token, with a message a client can act on. Messages never contain the
 * token itself.
 */
public record TokenCheck(TokenStatus status, String message) {
    static final TokenCheck VALID = new TokenCheck(TokenStatus.VALID, "valid");
    static final TokenCheck UNKNOWN = new TokenCheck(TokenStatus.UNKNOWN,
            "the bearer token is unknown: it was never issued here, or it was evicted or expired; POST /api/v1/tokens issues a new one");
    static final TokenCheck EXPIRED = new TokenCheck(TokenStatus.EXPIRED,
            "the bearer token has expired; POST /api/v1/tokens issues a new one");

    public boolean valid() {
        return status == TokenStatus.VALID;
    }

    static TokenCheck malformed(String message) {
        return new TokenCheck(TokenStatus.MALFORMED, message);
    }
}
