package dev.perfharness.sut.tokens;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 003's before ({@code tokens=per-token-timer}): every token gets its own timer, a virtual thread
 * that sleeps until the token expires and then removes it: the analogue of the goroutine per token
 * ({@code auth.go:78}) the seed replaced. A virtual thread is as cheap to start as a goroutine, but each
 * sleeping one still holds its thread object and stack for the token's whole life (about 1.6 KB per
 * token in all, ten times the min-heap's); {@code token_timer_threads} shows how many are alive.
 *
 * <p>As the seed's before, nothing caps the number of tokens: {@code tokens.max} does not apply, and a
 * token leaves only when its timer fires.
 */
final class PerTokenTimerStore implements TokenStore {
    private final ConcurrentHashMap<TokenDigest, TokenEntry> tokens = new ConcurrentHashMap<>();
    private final Set<Thread> timers = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final TokenMetrics metrics;
    private volatile boolean closed;

    PerTokenTimerStore(Clock clock, TokenMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        metrics.held(tokens, ConcurrentHashMap::size);
        metrics.timerThreads(timers, Set::size);
    }

    @Override
    public void put(TokenEntry entry) {
        tokens.put(entry.digest, entry);
        // Set at issue, like the seed's timer per token: the wait is fixed now, not when the thread first runs.
        long waitMillis = entry.expiresAtMillis - clock.millis();
        Thread timer = Thread.ofVirtual().name("token-timer").unstarted(() -> expireLater(entry, waitMillis));
        timers.add(timer);
        timer.start();
    }

    private void expireLater(TokenEntry entry, long waitMillis) {
        try {
            if (!closed && waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            if (tokens.remove(entry.digest, entry)) {
                metrics.expired(1);
            }
        } catch (InterruptedException e) {
            // close() ends every timer; the token goes with the store.
            Thread.currentThread().interrupt();
        } finally {
            timers.remove(Thread.currentThread());
        }
    }

    @Override
    public TokenEntry find(TokenDigest digest) {
        return tokens.get(digest);
    }

    @Override
    public int size() {
        return tokens.size();
    }

    /** Nothing to do: each token's timer removes it when it expires. */
    @Override
    public void removeExpired() {
    }

    /** Interrupts every timer (an interrupt before a timer starts is kept, so none sleeps on) and drops the tokens. */
    @Override
    public void close() {
        closed = true;
        timers.forEach(Thread::interrupt);
        tokens.clear();
    }
}
