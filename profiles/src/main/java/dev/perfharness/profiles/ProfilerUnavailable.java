package dev.perfharness.profiles;

/**
 * async-profiler cannot run here: no native library for this platform in the jar, or the library
 * cannot be written or loaded. The message names what is missing (e.g. os.name and os.arch).
 */
public final class ProfilerUnavailable extends RuntimeException {
    public ProfilerUnavailable(String message) {
        super(message);
    }

    public ProfilerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
