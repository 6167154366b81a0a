package dev.perfharness.sut.buffers;

/**
 * Where the log-stream and tar paths get their byte buffers: allocated each time, from fixed pools,
 * from tiers, or from Netty's pooled allocator ({@code buffers}). Every acquired buffer must be
 * closed exactly once, after which it must not be used.
 */
public interface BufferPool extends AutoCloseable {

    /** A buffer of at least {@code size} bytes. */
    Buffer acquire(int size);

    /** The variant's name for metrics ({@code none}, {@code fixed}, {@code tiered}, {@code netty}). */
    String name();

    @Override
    void close();

    /** A borrowed buffer: bytes {@code array()[offset() .. offset() + capacity())}. */
    interface Buffer extends AutoCloseable {
        byte[] array();

        int offset();

        int capacity();

        /** Gives the buffer back; idempotent. */
        @Override
        void close();
    }
}
