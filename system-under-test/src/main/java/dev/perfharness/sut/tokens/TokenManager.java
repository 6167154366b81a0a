package dev.perfharness.sut.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues bearer tokens and checks them (seed 003's token manager). What differs between the variants is
 * only where tokens are held and how expired ones leave ({@link TokenStore}); issuing and checking are
 * this one piece of code for all of them.
 *
 * <p>A token is {@value TokenFormat#SECRET_BYTES} bytes from {@link SecureRandom}, handed out as URL-safe
 * base64; the service keeps only its SHA-256 ({@link TokenDigest} says why and how it compares). Every
 * check compares the expiry with the clock, so an expired token is refused at once, however late the
 * variant's cleanup runs. Thread-safe.
 */
public final class TokenManager implements AutoCloseable {
    private final TokenStore store;
    private final long ttlMillis;
    private final Clock clock;
    private final TokenMetrics metrics;
    private final String variant;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    TokenManager(String variant, TokenStore store, Duration ttl, Clock clock, TokenMetrics metrics) {
        this.variant = variant;
        this.store = store;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A new token, valid for {@code tokens.ttl}.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public IssuedToken issue() {
        if (closed.get()) {
            throw new IllegalStateException("the token manager is closed");
        }
        byte[] secret = new byte[TokenFormat.SECRET_BYTES];
        random.nextBytes(secret);
        long now = clock.millis();
        long expiresAt = now + ttlMillis < now ? Long.MAX_VALUE : now + ttlMillis;
        store.put(new TokenEntry(TokenDigest.of(secret), expiresAt));
        metrics.issued();
        return new IssuedToken(TokenFormat.encode(secret), Instant.ofEpochMilli(expiresAt));
    }

    /** Checks a token as given (without its {@code Bearer } prefix): malformed, unknown, expired or valid. */
    public TokenCheck validate(String token) {
        TokenCheck check = check(token);
        metrics.validated(check.status());
        return check;
    }

    /**
     * Checks the value of an {@code Authorization} header (null when the request had none): it must be
     * {@code Bearer <token>} (the scheme in any case, RFC 7235) with a token {@link #validate} accepts.
     */
    public TokenCheck checkAuthorization(String header) {
        TokenCheck check;
        if (header == null || header.isBlank()) {
            check = new TokenCheck(TokenStatus.MISSING,
                    "the Authorization header is missing: send 'Authorization: Bearer <token>'; POST /api/v1/tokens issues a token");
        } else {
            int space = header.indexOf(' ');
            if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
                // Never quote the header: without a scheme, all of it may be a token.
                check = TokenCheck.malformed("the Authorization header must be 'Bearer <token>'");
            } else {
                check = check(header.substring(space + 1).strip());
            }
        }
        metrics.validated(check.status());
        return check;
    }

    private TokenCheck check(String token) {
        Optional<String> problem = TokenFormat.problem(token);
        if (problem.isPresent()) {
            return TokenCheck.malformed(problem.get());
        }
        TokenEntry entry = store.find(TokenDigest.of(TokenFormat.decode(token)));
        if (entry == null) {
            return TokenCheck.UNKNOWN;
        }
        return entry.expired(clock.millis()) ? TokenCheck.EXPIRED : TokenCheck.VALID;
    }

    /** Tokens held, including expired ones the variant has not removed yet. */
    public int size() {
        return store.size();
    }

    /**
     * Runs the variant's cleanup now instead of at its next scheduled run: the min-heap's cleaner pass,
     * Caffeine's maintenance. Per-token timers remove their tokens themselves, so there it does nothing.
     * For tests and benchmarks; the service leaves cleanup to the variant's schedule.
     */
    public void removeExpired() {
        store.removeExpired();
    }

    /** {@code per-token-timer}, {@code min-heap} or {@code caffeine}. */
    public String variant() {
        return variant;
    }

    TokenStore store() {
        return store;
    }

    /** Stops timers or the cleaner and drops every token. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            store.close();
        }
    }
}
