package dev.perfharness.sut.tokens;

/**
 * One held token: its digest and its expiry. Public only so the object-layout report can name it.
 *
 * <p>{@code heapIndex} is the entry's slot in the min-heap variant's {@link ExpiryHeap} (seed 003's
 * {@code container/heap} item index), which makes removing an evicted entry O(log n); the other variants
 * leave it at -1.
 */
public final class TokenEntry {
    final TokenDigest digest;
    final long expiresAtMillis;
    int heapIndex = -1;

    TokenEntry(TokenDigest digest, long expiresAtMillis) {
        this.digest = digest;
        this.expiresAtMillis = expiresAtMillis;
    }

    boolean expired(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }
}
