package dev.perfharness.sut.buffers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every pool reports, tagged {@code pool}: {@code buffer_acquires_total}, {@code buffer_in_use}
 * (acquired and not yet closed: a leak shows here as a count that never returns to zero) and
 * {@code buffer_allocated_bytes_total} (bytes of arrays the pool had to create; Netty's arenas report
 * their own memory instead).
 */
final class PoolUsage {
    private final String pool;
    private final MeterRegistry registry;
    private final Counter acquires;
    private final Counter allocatedBytes;
    private final AtomicInteger inUse = new AtomicInteger();

    PoolUsage(MeterRegistry registry, String pool) {
        this.pool = pool;
        this.registry = registry;
        acquires = Counter.builder("buffer.acquires").description("buffers handed out").tag("pool", pool).register(registry);
        allocatedBytes = Counter.builder("buffer.allocated.bytes").description("bytes of new arrays the pool had to allocate")
                .baseUnit("bytes").tag("pool", pool).register(registry);
        Gauge.builder("buffer.in.use", inUse, AtomicInteger::get).description("buffers acquired and not yet closed")
                .tag("pool", pool).register(registry);
    }

    String pool() {
        return pool;
    }

    MeterRegistry registry() {
        return registry;
    }

    void acquired() {
        acquires.increment();
        inUse.incrementAndGet();
    }

    void returned() {
        inUse.decrementAndGet();
    }

    void allocated(long bytes) {
        allocatedBytes.increment(bytes);
    }
}
