package dev.perfharness.sut.images;

import dev.perfharness.sut.buffers.BufferPool;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link BufferPool} that allocates every buffer and counts what is acquired and given back. */
final class AllocatingBufferPool implements BufferPool {
    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    @Override
    public Buffer acquire(int size) {
        acquired.incrementAndGet();
        byte[] bytes = new byte[size];
        return new Buffer() {
            private boolean closed;

            @Override
            public byte[] array() {
                return bytes;
            }

            @Override
            public int offset() {
                return 0;
            }

            @Override
            public int capacity() {
                return bytes.length;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    released.incrementAndGet();
                }
            }
        };
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void close() {
    }
}
