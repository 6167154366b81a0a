package dev.perfharness.sut.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpiryHeapTest {

    @Test
    void pollsInExpiryOrderAfterArbitraryRemovals() {
        Random random = new Random(42);
        ExpiryHeap heap = new ExpiryHeap();
        List<TokenEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            TokenEntry entry = new TokenEntry(TokenDigest.of(new byte[] {(byte) i, (byte) (i >> 8)}), random.nextInt(500));
            entries.add(entry);
            heap.add(entry);
        }
        Collections.shuffle(entries, random);
        entries.subList(0, 300).forEach(heap::remove);

        List<Long> polled = new ArrayList<>();
        TokenEntry next;
        while ((next = heap.poll()) != null) {
            polled.add(next.expiresAtMillis);
        }

        assertThat(polled).hasSize(700).isSorted();
        assertThat(heap.size()).isZero();
    }

    @Test
    void removingAnEntryTwiceOrOneNeverAddedChangesNothing() {
        ExpiryHeap heap = new ExpiryHeap();
        TokenEntry held = new TokenEntry(TokenDigest.of(new byte[] {1}), 10);
        TokenEntry stranger = new TokenEntry(TokenDigest.of(new byte[] {2}), 5);
        heap.add(held);

        heap.remove(stranger);
        heap.remove(held);
        heap.remove(held);

        assertThat(heap.size()).isZero();
        assertThat(heap.peek()).isNull();
    }
}
