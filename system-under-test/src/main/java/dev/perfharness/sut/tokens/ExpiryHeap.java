package dev.perfharness.sut.tokens;

import java.util.Arrays;

/**
 * A binary min-heap of entries by expiry, as seed 003's {@code container/heap}: O(log n) insertion, the
 * soonest expiry at the root, and O(log n) removal of any entry (each entry knows its slot), which LRU
 * eviction needs. Not thread-safe: its owner locks.
 */
final class ExpiryHeap {
    private TokenEntry[] entries = new TokenEntry[16];
    private int size;

    void add(TokenEntry entry) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        place(entry, size);
        size++;
        siftUp(size - 1);
    }

    /** The entry that expires first, or null when empty. */
    TokenEntry peek() {
        return size == 0 ? null : entries[0];
    }

    TokenEntry poll() {
        TokenEntry first = peek();
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /** Removes {@code entry}; a no-op when it is not in this heap. */
    void remove(TokenEntry entry) {
        int index = entry.heapIndex;
        if (index < 0 || index >= size || entries[index] != entry) {
            return;
        }
        size--;
        TokenEntry last = entries[size];
        entries[size] = null;
        entry.heapIndex = -1;
        if (index == size) {
            return;
        }
        place(last, index);
        siftDown(index);
        siftUp(last.heapIndex);
    }

    int size() {
        return size;
    }

    private void siftUp(int index) {
        TokenEntry entry = entries[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (entries[parent].expiresAtMillis <= entry.expiresAtMillis) {
                break;
            }
            place(entries[parent], index);
            index = parent;
        }
        place(entry, index);
    }

    private void siftDown(int index) {
        TokenEntry entry = entries[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && entries[right].expiresAtMillis < entries[child].expiresAtMillis) {
                child = right;
            }
            if (entry.expiresAtMillis <= entries[child].expiresAtMillis) {
                break;
            }
            place(entries[child], index);
            index = child;
        }
        place(entry, index);
    }

    private void place(TokenEntry entry, int index) {
        entries[index] = entry;
        entry.heapIndex = index;
    }
}
