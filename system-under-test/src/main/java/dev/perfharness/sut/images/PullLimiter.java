package dev.perfharness.sut.images;

import dev.perfharness.config.ImageSettings;
import dev.perfharness.config.ImageSettings.PullVariant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many image pulls run at once (seed 002, "parallel image operations"): one, so that a batch's
 * images are pulled one after another ({@code pulls=sequential}, the seed's before), or
 * {@code pulls.parallelism} (3), the seed's {@code sem := make(chan struct{}, 3)}.
 *
 * <p>Both variants are this one class: a semaphore of 1 or of {@code pulls.parallelism} permits. Pulls
 * wait in a queue and one dispatcher (a virtual thread) hands them permits in the order they came, so
 * a sequential batch runs in the order it was given and no pull overtakes another. A pull holds its
 * permit until it reports completion or failure, not merely until it has started.
 *
 * <p>Gauges: {@code image_pulls_running{pulls}} and {@code image_pulls_waiting{pulls}}.
 */
public final class PullLimiter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PullLimiter.class);

    private final Semaphore permits;
    private final int parallelism;
    private final String variant;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    /** Queued, plus the one the dispatcher holds while it waits for a permit. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread dispatcher;
    private volatile boolean closed;

    /**
     * @param parallelism  pulls at a time, at least 1
     * @param variant      the name in metrics and logs ({@code sequential}, {@code parallel})
     */
    public PullLimiter(int parallelism, String variant, MeterRegistry meters) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("pulls.parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.variant = variant;
        this.permits = new Semaphore(parallelism, true);
        Gauge.builder("image.pulls.running", permits, semaphore -> parallelism - semaphore.availablePermits())
                .description("image pulls holding a permit of the pull limiter")
                .tag("pulls", variant)
                .register(meters);
        Gauge.builder("image.pulls.waiting", waiting, AtomicInteger::get)
                .description("image pulls waiting for a permit")
                .tag("pulls", variant)
                .register(meters);
        this.dispatcher = Thread.ofVirtual().name("pull-limiter-" + variant).start(this::dispatch);
    }

    /** The variant {@code pulls} names: one at a time, or {@code pulls.parallelism}. */
    public static PullLimiter create(ImageSettings settings, MeterRegistry meters) {
        int parallelism = settings.pulls() == PullVariant.SEQUENTIAL ? 1 : settings.parallelism();
        return new PullLimiter(parallelism, settings.pulls().name().toLowerCase(Locale.ROOT), meters);
    }

    /** A pull's hold on one permit; giving it back twice gives it back once. */
    public interface Permit {
        void release();
    }

    /**
     * Queues {@code work}; it runs, on the dispatcher, once a permit is free, and must return quickly (start
     * the pull, not run it) and arrange for the permit to be released when the pull ends.
     *
     * @param refused  told why, when the limiter closes before {@code work} ran
     */
    public void submit(Consumer<Permit> work, Consumer<String> refused) {
        if (closed) {
            refused.accept("the service is stopping: the pull was not started");
            return;
        }
        waiting.incrementAndGet();
        queue.add(new Queued(work, refused));
        if (closed) {
            refuseQueued();
        }
    }

    public int parallelism() {
        return parallelism;
    }

    public String variant() {
        return variant;
    }

    private record Queued(Consumer<Permit> work, Consumer<String> refused) {
    }

    private void dispatch() {
        while (!closed) {
            Queued next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                waiting.decrementAndGet();
                next.refused().accept("the service stopped before the pull started");
                return;
            }
            waiting.decrementAndGet();
            Permit permit = onePermit();
            try {
                next.work().accept(permit);
            } catch (RuntimeException e) {
                permit.release();
                log.atWarn().setCause(e).addKeyValue("pulls", variant).log("a pull could not be started");
                next.refused().accept("the pull could not be started: " + e.getMessage());
            }
        }
    }

    private Permit onePermit() {
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        };
    }

    private void refuseQueued() {
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        waiting.addAndGet(-left.size());
        left.forEach(queued -> queued.refused().accept("the service stopped before the pull started"));
    }

    /** Stops handing out permits; every pull still waiting is refused with the reason. Idempotent. */
    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        try {
            dispatcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refuseQueued();
    }
}
