package dev.perfharness.sut.watch;

/** Where a watch delivers: one WebSocket connection. */
public interface WatchSink {

    /** Sends a new snapshot; false when the client is gone (the watch then ends). */
    boolean deliver(JobUpdate update);

    /** Pings the client; false when it is gone. Used by the before variant's loops, which ping themselves. */
    boolean ping();
}
