package dev.perfharness.sut.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The library's answer ({@code tokens=caffeine}): a Caffeine cache with {@code expireAfterWrite(ttl)} and
 * {@code maximumSize(tokens.max)}, expired entries removed by Caffeine's own scheduler.
 *
 * <p>Two differences from the hand-written min-heap, both Caffeine's design: its size policy is
 * W-TinyLFU, not LRU, so when full it may reject a token that was just issued and never used rather
 * than drop an old one; and it hides an expired entry at once, so an expired token reads as
 * {@code unknown} here, never {@code expired}.
 */
final class CaffeineTokenStore implements TokenStore {
    private final Cache<TokenDigest, TokenEntry> cache;

    CaffeineTokenStore(int max, Duration ttl, Clock clock, TokenMetrics metrics) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfterWrite(ttl)
                // The manager's clock, so Caffeine and the manager's own expiry check agree.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Maintenance on the calling thread: counts are exact when a call returns.
                .executor(Runnable::run)
                .scheduler(Scheduler.systemScheduler())
                .removalListener((TokenDigest digest, TokenEntry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.EXPIRED) {
                        metrics.expired(1);
                    } else if (cause == RemovalCause.SIZE) {
                        metrics.evicted(1);
                    }
                })
                .build();
        metrics.held(this, CaffeineTokenStore::size);
    }

    @Override
    public void put(TokenEntry entry) {
        cache.put(entry.digest, entry);
    }

    @Override
    public TokenEntry find(TokenDigest digest) {
        return cache.getIfPresent(digest);
    }

    /** Runs Caffeine's pending maintenance first, so the count excludes what it already knows to drop. */
    @Override
    public int size() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    /** Caffeine's maintenance, which its scheduler otherwise runs at the next expiry. */
    @Override
    public void removeExpired() {
        cache.cleanUp();
    }

    @Override
    public void close() {
        cache.invalidateAll();
        cache.cleanUp();
    }
}
