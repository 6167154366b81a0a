package dev.perfharness.sut.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 003's after ({@code tokens=min-heap}): tokens in an access-ordered map (least recently used first)
 * plus a min-heap by expiry, and one cleaner thread that wakes every {@code tokens.cleanup-interval} and
 * removes expired tokens from the heap's root, {@code tokens.cleanup-batch} at a time, taking the lock
 * once per batch so validations wait for at most one batch. Holding more than {@code tokens.max} tokens
 * removes an expired one if there is one, else the least recently used (issued or validated).
 *
 * <p>One lock guards both structures: an access-ordered map reorders itself on every read, so even
 * validations write. Seed 003's Go manager also serialized on one mutex.
 */
final class ExpiryHeapStore implements TokenStore {
    private static final Logger log = LoggerFactory.getLogger(ExpiryHeapStore.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<TokenDigest, TokenEntry> byDigest = new LinkedHashMap<>(16, 0.75f, true);
    private final ExpiryHeap byExpiry = new ExpiryHeap();
    private final int max;
    private final int batch;
    private final Clock clock;
    private final TokenMetrics metrics;
    private final ScheduledExecutorService cleaner;

    ExpiryHeapStore(int max, Duration cleanupInterval, int batch, Clock clock, TokenMetrics metrics) {
        this.max = max;
        this.batch = batch;
        this.clock = clock;
        this.metrics = metrics;
        this.cleaner = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("token-cleaner").daemon().factory());
        long intervalNanos = cleanupInterval.toNanos();
        cleaner.scheduleWithFixedDelay(this::cleanUpLogged, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        metrics.held(this, ExpiryHeapStore::size);
    }

    @Override
    public void put(TokenEntry entry) {
        int evicted = 0;
        int expired = 0;
        lock.lock();
        try {
            TokenEntry replaced = byDigest.put(entry.digest, entry);
            if (replaced != null) {
                // Two secrets with one SHA-256: not in this universe, but the heap must stay consistent.
                byExpiry.remove(replaced);
            }
            byExpiry.add(entry);
            long now = clock.millis();
            while (byDigest.size() > max) {
                TokenEntry soonest = byExpiry.peek();
                if (soonest.expired(now)) {
                    byExpiry.remove(soonest);
                    byDigest.remove(soonest.digest);
                    expired++;
                } else {
                    Iterator<TokenEntry> leastRecentlyUsed = byDigest.values().iterator();
                    TokenEntry eldest = leastRecentlyUsed.next();
                    leastRecentlyUsed.remove();
                    byExpiry.remove(eldest);
                    evicted++;
                }
            }
        } finally {
            lock.unlock();
        }
        metrics.evicted(evicted);
        metrics.expired(expired);
    }

    @Override
    public TokenEntry find(TokenDigest digest) {
        lock.lock();
        try {
            return byDigest.get(digest);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return byDigest.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void removeExpired() {
        cleanUp();
    }

    /** One cleaner run: removes every token expired by now, a batch per lock hold. */
    Sweep cleanUp() {
        long now = clock.millis();
        int removed = 0;
        int batches = 0;
        int inBatch;
        do {
            inBatch = 0;
            lock.lock();
            try {
                TokenEntry soonest;
                while (inBatch < batch && (soonest = byExpiry.peek()) != null && soonest.expired(now)) {
                    byExpiry.poll();
                    byDigest.remove(soonest.digest);
                    inBatch++;
                }
                // Counted before the lock is released, so the count is there once the tokens are gone.
                if (inBatch > 0) {
                    metrics.expired(inBatch);
                }
            } finally {
                lock.unlock();
            }
            if (inBatch > 0) {
                batches++;
                removed += inBatch;
            }
        } while (inBatch == batch);
        return new Sweep(removed, batches);
    }

    private void cleanUpLogged() {
        try {
            Sweep sweep = cleanUp();
            log.atDebug().addKeyValue("removed", sweep.removed()).addKeyValue("batches", sweep.batches())
                    .addKeyValue("held", size()).log("expired tokens cleaned up");
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule (an exception would end scheduleWithFixedDelay).
            log.atError().setCause(e).log("token cleanup failed");
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        lock.lock();
        try {
            byDigest.clear();
            while (byExpiry.poll() != null) {
                // Empties the heap; entries keep no reference back to it.
            }
        } finally {
            lock.unlock();
        }
    }

    /** What one cleaner run did: tokens removed, and batches (lock holds) it took. */
    record Sweep(int removed, int batches) {
    }
}
