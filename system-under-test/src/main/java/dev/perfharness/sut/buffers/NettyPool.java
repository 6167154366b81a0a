package dev.perfharness.sut.buffers;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.function.ToLongFunction;

/**
 * {@code buffers=netty}: heap buffers from Netty's {@link PooledByteBufAllocator} (jemalloc-style arenas
 * of 4 MiB chunks split into size classes), the well-kept library beside the seeds' hand-written pools.
 *
 * <p>A Netty heap buffer is a slice of a chunk's array: {@link Buffer#array()} is the whole chunk, shared
 * with other buffers, and only {@code [offset, offset + capacity)} is this buffer's (writing outside it
 * would corrupt a neighbour). Per-thread caches are off for all but Netty's own threads
 * ({@code useCacheForAllThreads=false}): with a virtual thread per request, a cache per thread would be
 * built and dropped on every request. Memory is reported as {@code buffer_netty_used_heap_bytes}.
 *
 * <p>Hits and misses are counted like a {@link TieredPool}'s, tagged {@code tier="arenas"}: a miss is an
 * acquire that made the arenas take new memory from the heap (a new chunk, or a buffer above the chunk
 * size, which Netty allocates outside its chunks and frees on release), a hit one served from memory the
 * arenas already held. Read from Netty's own arena counters, so acquiring costs nothing more. A lone buffer
 * of more than a quarter of a chunk (1 MiB of the default 4 MiB) moves its chunk out of Netty's initial
 * list, and releasing it then frees the emptied chunk: such sizes miss on every acquire when nothing else
 * holds the chunk. Netty 4.2's heap arena keeps the array of the last chunk it freed for its next new one,
 * though, so such a miss may allocate nothing (a benchmark's bytes/op tells).
 */
final class NettyPool implements BufferPool {
    private final PooledByteBufAllocator allocator;
    private final PoolUsage usage;
    private volatile boolean closed;

    NettyPool(MeterRegistry registry) {
        this.allocator = new PooledByteBufAllocator(false,
                PooledByteBufAllocator.defaultNumHeapArena(), 0,
                PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
                PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(),
                false);
        this.usage = new PoolUsage(registry, "netty");
        Gauge.builder("buffer.netty.used.heap.bytes", allocator, a -> a.metric().usedHeapMemory())
                .description("heap bytes Netty's arenas hold (chunks, in use or not)").baseUnit("bytes").register(registry);
        FunctionCounter.builder("buffer.pool.hits", this, NettyPool::hits)
                .description("acquires served from memory the arenas already held").tag("pool", "netty").tag("tier", "arenas").register(registry);
        FunctionCounter.builder("buffer.pool.misses", this, NettyPool::misses)
                .description("acquires that made the arenas allocate a new chunk or an unpooled buffer above the chunk size")
                .tag("pool", "netty").tag("tier", "arenas").register(registry);
        Gauge.builder("buffer.pool.hit.rate", this, NettyPool::hitRate).description("hits / (hits + misses) of the arenas")
                .tag("pool", "netty").tag("tier", "arenas").register(registry);
    }

    @Override
    public Buffer acquire(int size) {
        TieredPool.checkSize(size);
        if (closed) {
            throw new IllegalStateException("the netty buffer pool is closed");
        }
        return new NettyLoan(usage, allocator.heapBuffer(size, size));
    }

    long usedHeapBytes() {
        return allocator.metric().usedHeapMemory();
    }

    long hits() {
        return sumOverArenas(PoolArenaMetric::numAllocations) - misses();
    }

    long misses() {
        return sumOverArenas(arena -> arena.numChunkAllocations() + arena.numHugeAllocations());
    }

    double hitRate() {
        long hits = hits();
        long lookups = hits + misses();
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    private long sumOverArenas(ToLongFunction<PoolArenaMetric> count) {
        long sum = 0;
        for (PoolArenaMetric arena : allocator.metric().heapArenas()) {
            sum += count.applyAsLong(arena);
        }
        return sum;
    }

    @Override
    public String name() {
        return "netty";
    }

    /** Refuses new loans; Netty frees its arenas when they become unreachable. */
    @Override
    public void close() {
        closed = true;
    }

    private static final class NettyLoan extends Loan {
        private final ByteBuf buffer;

        NettyLoan(PoolUsage usage, ByteBuf buffer) {
            super(usage);
            this.buffer = buffer;
        }

        @Override
        public byte[] array() {
            checkOpen();
            return buffer.array();
        }

        @Override
        public int offset() {
            return buffer.arrayOffset();
        }

        @Override
        public int capacity() {
            return buffer.capacity();
        }

        @Override
        void giveBack() {
            buffer.release();
        }
    }
}
