package dev.perfharness.sut.buffers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * {@code buffers=netty}: heap buffers from Netty's {@link PooledByteBufAllocator} (jemalloc-style arenas
 * of 4 MiB chunks split into size classes), the well-kept library beside the seeds' hand-written pools.
 *
 * <p>A Netty heap buffer is a slice of a chunk's array: {@link Buffer#array()} is the whole chunk, shared
 * with other buffers, and only {@code [offset, offset + capacity)} is this buffer's (writing outside it
 * would corrupt a neighbour). Per-thread caches are off for all but Netty's own threads
 * ({@code useCacheForAllThreads=false}): with a virtual thread per request, a cache per thread would be
 * built and dropped on every request. Memory is reported as {@code buffer_netty_used_heap_bytes}.
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
