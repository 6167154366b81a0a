package dev.perfharness.config;

/** Byte buffers of the log-stream and tar paths (seeds 002, 003). */
public record BufferSettings(BufferVariant variant, int prewarm) {

    public enum BufferVariant { NONE, FIXED, TIERED, NETTY }
}
