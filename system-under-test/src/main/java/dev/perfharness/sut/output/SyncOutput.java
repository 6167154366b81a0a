package dev.perfharness.sut.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * {@code aggregator=sync}, seed 002's before: each line is formatted and stored on the caller's thread
 * before {@link #accept} returns. Nothing waits, so {@link #flush()} has nothing to do and nothing is
 * ever dropped; the producer pays for every line itself.
 */
final class SyncOutput implements ContainerOutput {
    private final LineFormatter formatter;
    private final LineStore store;
    private final Clock clock;
    private final Counter handled;
    private volatile boolean closed;

    SyncOutput(LineFormatter formatter, Clock clock, MeterRegistry registry) {
        this.formatter = formatter;
        this.store = new LineStore(registry);
        this.clock = clock;
        this.handled = Counter.builder("output.lines").description("container output lines formatted and stored")
                .tag("aggregator", "sync").register(registry);
    }

    /** @throws IllegalStateException after {@link #close()} */
    @Override
    public void accept(String source, String line) {
        if (closed) {
            throw new IllegalStateException("container output is closed; a line of " + source + " was refused");
        }
        store.add(source, formatter.format(clock.instant(), source, line));
        handled.increment();
    }

    @Override
    public void flush() {
        // Every line was handled before accept returned.
    }

    @Override
    public List<String> lines(String source) {
        return store.lines(source);
    }

    @Override
    public void forget(String source) {
        store.forget(source);
    }

    @Override
    public void close() {
        closed = true;
    }
}
