package dev.perfharness.sut.buffers;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code buffers=none}, the before of seeds 002 and 003: a new array of exactly the requested size for
 * every use, left to the garbage collector afterwards. Counted like the others, so a leak of loans (not
 * of memory) shows here too.
 */
final class AllocatingPool implements BufferPool {
    private final PoolUsage usage;
    private volatile boolean closed;

    AllocatingPool(MeterRegistry registry) {
        this.usage = new PoolUsage(registry, "none");
    }

    @Override
    public Buffer acquire(int size) {
        TieredPool.checkSize(size);
        if (closed) {
            throw new IllegalStateException("the none buffer pool is closed");
        }
        usage.allocated(size);
        return new ArrayLoan(usage, new byte[size], null, null);
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void close() {
        closed = true;
    }
}
