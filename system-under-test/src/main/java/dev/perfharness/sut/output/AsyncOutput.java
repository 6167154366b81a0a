package dev.perfharness.sut.output;

import dev.perfharness.config.OutputSettings.WhenFull;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aggregator=async}, seed 002's {@code processLogsAsync}: producers put lines in a queue of
 * {@code aggregator.capacity} and return; one thread formats and stores them in batches of
 * {@code aggregator.batch} lines, or fewer once the batch's first line has waited
 * {@code aggregator.interval} (the seed's 16 ms ticker, without waking when idle).
 *
 * <p>A full queue never loses a line silently: {@code when-full=block} makes the producer wait for room;
 * {@code count-drops} drops the line and counts it in {@code output_dropped_total{reason="full"}} (a
 * producer interrupted while waiting is counted as {@code reason="interrupted"}). Each line is stamped
 * when accepted, so the batching delay never shifts its timestamp.
 *
 * <p>{@link #flush()} and {@link #close()} put a marker in the queue behind the lines already accepted and
 * wait until the thread reaches it: flush returns when every earlier line is stored, close when every
 * line is (after which {@link #accept} is refused). A {@link StampedLock} (no per-thread state, unlike
 * a {@code ReentrantReadWriteLock}, which matters with a virtual thread per request) keeps a producer
 * from slipping a line in behind the closing marker.
 */
final class AsyncOutput implements ContainerOutput {
    private static final Logger log = LoggerFactory.getLogger(AsyncOutput.class);
    /** How long {@link #close()} waits for the queue to drain. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final LineFormatter formatter;
    private final LineStore store;
    private final Clock clock;
    private final WhenFull whenFull;
    private final int batchSize;
    private final long intervalNanos;
    private final ArrayBlockingQueue<Item> queue;
    private final StampedLock gate = new StampedLock();
    private final Thread drainer;
    private final Counter handled;
    private final Counter droppedFull;
    private final Counter droppedInterrupted;
    private final Counter failed;
    private final DistributionSummary batches;
    private final AtomicLong drops = new AtomicLong();
    private boolean closed;

    AsyncOutput(LineFormatter formatter, Clock clock, int batchSize, Duration interval, int capacity, WhenFull whenFull,
                MeterRegistry registry) {
        if (batchSize < 1 || capacity < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("aggregator.batch %d and aggregator.capacity %d must be positive, aggregator.interval %s too"
                    .formatted(batchSize, capacity, interval));
        }
        this.formatter = formatter;
        this.store = new LineStore(registry);
        this.clock = clock;
        this.whenFull = whenFull;
        this.batchSize = batchSize;
        this.intervalNanos = interval.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handled = Counter.builder("output.lines").description("container output lines formatted and stored")
                .tag("aggregator", "async").register(registry);
        this.droppedFull = dropCounter(registry, "full");
        this.droppedInterrupted = dropCounter(registry, "interrupted");
        this.failed = dropCounter(registry, "failed");
        this.batches = DistributionSummary.builder("output.batch.size").description("lines handled per batch")
                .baseUnit("lines").register(registry);
        Gauge.builder("output.queue.size", queue, ArrayBlockingQueue::size).description("lines waiting for the aggregator")
                .register(registry);
        this.drainer = Thread.ofPlatform().name("container-output").daemon().start(this::drain);
    }

    private static Counter dropCounter(MeterRegistry registry, String reason) {
        return Counter.builder("output.dropped").description("container output lines not stored, by reason")
                .tag("reason", reason).register(registry);
    }

    /**
     * Queues the line; with {@code when-full=block} waits for room.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void accept(String source, String line) {
        Line item = new Line(clock.instant(), source, line);
        long stamp = gate.readLock();
        try {
            if (closed) {
                throw new IllegalStateException("container output is closed; a line of " + source + " was refused");
            }
            if (whenFull == WhenFull.COUNT_DROPS) {
                if (!queue.offer(item)) {
                    dropped(droppedFull, source);
                }
                return;
            }
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dropped(droppedInterrupted, source);
            }
        } finally {
            gate.unlockRead(stamp);
        }
    }

    /** Returns once every line accepted before the call is stored; at once after {@link #close()}. */
    @Override
    public void flush() {
        Marker marker = new Marker(false);
        long stamp = gate.readLock();
        try {
            if (closed) {
                return;
            }
            putUninterruptibly(marker);
        } finally {
            gate.unlockRead(stamp);
        }
        marker.awaitUninterruptibly();
    }

    @Override
    public List<String> lines(String source) {
        return store.lines(source);
    }

    @Override
    public void forget(String source) {
        store.forget(source);
    }

    /** Refuses further lines, stores every line already queued and stops the thread. Idempotent. */
    @Override
    public void close() {
        long stamp = gate.writeLock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            gate.unlockWrite(stamp);
        }
        putUninterruptibly(new Marker(true));
        try {
            drainer.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            log.atWarn().addKeyValue("waiting", queue.size()).addKeyValue("waited", CLOSE_WAIT).log("container output still draining after close");
        }
    }

    private void drain() {
        List<Line> batch = new ArrayList<>(batchSize);
        long deadline = 0;
        while (true) {
            Item item;
            try {
                item = batch.isEmpty() ? queue.take() : queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; keep draining, close() ends it with a marker.
                continue;
            }
            if (item == null) {
                handle(batch);
            } else if (item instanceof Line line) {
                if (batch.isEmpty()) {
                    deadline = System.nanoTime() + intervalNanos;
                }
                batch.add(line);
                if (batch.size() >= batchSize) {
                    handle(batch);
                }
            } else if (item instanceof Marker marker) {
                handle(batch);
                marker.reached();
                if (marker.closing) {
                    return;
                }
            }
        }
    }

    private void handle(List<Line> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Recorded first: whoever sees the lines stored also sees the batch that stored them.
        batches.record(batch.size());
        for (Line line : batch) {
            try {
                store.add(line.source, formatter.format(line.arrived, line.source, line.text));
                handled.increment();
            } catch (RuntimeException e) {
                // One bad line must not end the thread every producer depends on.
                failed.increment();
                log.atError().setCause(e).addKeyValue("source", line.source).log("container output line could not be stored");
            }
        }
        batch.clear();
    }

    private void dropped(Counter reason, String source) {
        reason.increment();
        long total = drops.incrementAndGet();
        if (total == 1 || total % 1000 == 0) {
            log.atWarn().addKeyValue("source", source).addKeyValue("droppedSoFar", total).addKeyValue("capacity", queue.remainingCapacity() + queue.size())
                    .log("container output full: lines dropped (aggregator.when-full=count-drops)");
        }
    }

    private void putUninterruptibly(Item item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private sealed interface Item permits Line, Marker {
    }

    private record Line(Instant arrived, String source, String text) implements Item {
    }

    /** A point in the queue that flush or close waits for. */
    private static final class Marker implements Item {
        final boolean closing;
        private final CountDownLatch reached = new CountDownLatch(1);

        Marker(boolean closing) {
            this.closing = closing;
        }

        void reached() {
            reached.countDown();
        }

        void awaitUninterruptibly() {
            boolean interrupted = false;
            while (true) {
                try {
                    reached.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
