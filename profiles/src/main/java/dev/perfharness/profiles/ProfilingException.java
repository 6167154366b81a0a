package dev.perfharness.profiles;

/**
 * A profile could not be taken or read: the pid is not an attachable JVM, async-profiler in the
 * target refused a command, or a collapsed-stacks file has a bad line. The message names the value.
 */
public final class ProfilingException extends RuntimeException {
    public ProfilingException(String message) {
        super(message);
    }

    public ProfilingException(String message, Throwable cause) {
        super(message, cause);
    }
}
