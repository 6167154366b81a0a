package dev.perfharness.sut.buffers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One size class of a {@link TieredPool}: idle arrays of exactly {@link #bytes} bytes, at most
 * {@code maxIdle} of them, with {@code buffer_pool_hits_total}, {@code buffer_pool_misses_total},
 * {@code buffer_pool_hit_rate}, {@code buffer_pool_idle} and {@code buffer_pool_discarded_total}, tagged
 * {@code pool} and {@code tier}.
 *
 * <p>The idle arrays sit in an {@link ArrayBlockingQueue}: taking and returning allocate nothing, and the
 * queue's capacity is the bound, so a burst cannot leave more than {@code maxIdle} arrays behind (Go's
 * {@code sync.Pool} is emptied by the garbage collector instead; nothing does that on the JVM).
 */
final class Tier {
    final String label;
    final int bytes;
    private final ArrayBlockingQueue<byte[]> idle;
    private final PoolUsage usage;
    private final Counter hits;
    private final Counter misses;
    private final Counter discarded;

    Tier(TierSpec spec, PoolUsage usage) {
        this.label = spec.label();
        this.bytes = spec.bytes();
        this.idle = new ArrayBlockingQueue<>(spec.maxIdle());
        this.usage = usage;
        hits = counter("buffer.pool.hits", "acquires served by an idle buffer of the tier");
        misses = counter("buffer.pool.misses", "acquires that found the tier empty and allocated");
        discarded = counter("buffer.pool.discarded", "buffers given back to a tier that already held its most idle buffers");
        Gauge.builder("buffer.pool.hit.rate", this, Tier::hitRate).description("hits / (hits + misses) of the tier")
                .tag("pool", usage.pool()).tag("tier", label).register(usage.registry());
        Gauge.builder("buffer.pool.idle", idle, ArrayBlockingQueue::size).description("idle buffers the tier holds")
                .tag("pool", usage.pool()).tag("tier", label).register(usage.registry());
        for (int i = 0; i < spec.prewarm(); i++) {
            usage.allocated(bytes);
            idle.offer(new byte[bytes]);
        }
    }

    /** An idle array, or a new one when there is none. */
    byte[] take() {
        byte[] array = idle.poll();
        if (array != null) {
            hits.increment();
            return array;
        }
        misses.increment();
        usage.allocated(bytes);
        return new byte[bytes];
    }

    /** Keeps {@code array} for the next taker, or lets it go when the tier is full. */
    void put(byte[] array) {
        if (!idle.offer(array)) {
            discarded.increment();
        }
    }

    int idle() {
        return idle.size();
    }

    void clear() {
        idle.clear();
    }

    double hitRate() {
        double lookups = hits.count() + misses.count();
        return lookups == 0 ? 0 : hits.count() / lookups;
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("pool", usage.pool()).tag("tier", label).register(usage.registry());
    }

    /**
     * @param maxIdle idle buffers kept at most (at least 1)
     * @param prewarm buffers allocated at start, at most {@code maxIdle}
     */
    record TierSpec(String label, int bytes, int maxIdle, int prewarm) {
        TierSpec {
            if (bytes <= 0 || maxIdle <= 0 || prewarm < 0 || prewarm > maxIdle) {
                throw new IllegalArgumentException("tier %s: bytes %d and maxIdle %d must be positive and prewarm %d within [0, maxIdle]"
                        .formatted(label, bytes, maxIdle, prewarm));
            }
        }
    }
}
