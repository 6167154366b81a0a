package dev.perfharness.sut.tokens;

/**
 * Where a {@link TokenManager} holds its tokens: the seam between the variants. A store removes expired
 * tokens on its own schedule (a timer each, a periodic cleaner, Caffeine's expiry); the manager checks
 * expiry on every validation regardless, so how late a store cleans up never lets a token through.
 */
interface TokenStore extends AutoCloseable {

    void put(TokenEntry entry);

    /** The held entry of {@code digest}, counting as a use for least-recently-used eviction; null when none. */
    TokenEntry find(TokenDigest digest);

    int size();

    /**
     * Removes the tokens expired by now, as the store's own cleaner or scheduler would on its next run;
     * a no-op for a store whose tokens leave by themselves (a timer each).
     */
    void removeExpired();

    /** Stops the store's timers or cleaner; the tokens are dropped with it. */
    @Override
    void close();
}
