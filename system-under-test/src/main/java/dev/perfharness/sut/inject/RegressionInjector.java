package dev.perfharness.sut.inject;

import dev.perfharness.config.InjectionSettings;

/**
 * A regression of known size, done once per operation ({@code inject.cpu}, {@code inject.alloc}), so a test can
 * show that the regression gate flags a run that has one and leaves an A/A comparison alone.
 *
 * <ul>
 *   <li>CPU: spins on {@link System#nanoTime()} until the time has passed. The size is in time, so no JIT
 *       can shrink it, as it could a loop of arithmetic; a call takes the time asked plus at most one
 *       {@code nanoTime} (some 20 ns).
 *   <li>Allocation: one {@code byte[]} whose whole object (a 16-byte header, then the elements, rounded up
 *       to 8 bytes) is the bytes asked, so {@code inject.alloc=100} adds about 100 to JMH's
 *       {@code gc.alloc.rate.norm}. The array is published to a field: an array that escapes cannot be
 *       removed by escape analysis.
 * </ul>
 *
 * <p>Built once per component from the settings and handed to it, never read from a static, so the
 * before and after variants of a component get the same injection from the same code.
 */
public final class RegressionInjector {
    /**
     * Injects nothing, shared by every component when the knob is off: {@link #perOperation} is then one read
     * of a final field that is always false and a branch never taken, which the CPU predicts; the work itself
     * is in another method, so it does not weigh on the caller's inlining.
     */
    public static final RegressionInjector NONE = new RegressionInjector(InjectionSettings.NONE);

    /** A {@code byte[]}'s header with compressed class pointers: mark word, class word, length. */
    static final int ARRAY_HEADER_BYTES = 16;

    private final InjectionSettings settings;
    private final boolean active;
    private final long spinNanos;
    private final int arrayLength;
    private final boolean allocates;
    /**
     * The last array allocated: written, never read, so that every array escapes. Threads that allocate at once
     * share its cache line; what the knob promises is bytes per operation, and that stays exact.
     */
    @SuppressWarnings("unused")
    private byte[] published;

    private RegressionInjector(InjectionSettings settings) {
        this.settings = settings;
        this.active = settings.active();
        this.spinNanos = settings.cpu().toNanos();
        this.allocates = settings.allocBytes() > 0;
        this.arrayLength = Math.max(0, settings.allocBytes() - ARRAY_HEADER_BYTES);
    }

    /** The injector for these settings: {@link #NONE} when they inject nothing. */
    public static RegressionInjector of(InjectionSettings settings) {
        return settings.active() ? new RegressionInjector(settings) : NONE;
    }

    /** Does one operation's extra work; nothing when the knob is off. */
    public void perOperation() {
        if (active) {
            inject();
        }
    }

    /** Whether {@link #perOperation} does anything: a caller may leave the injector out altogether when not. */
    public boolean active() {
        return active;
    }

    // Kept out of perOperation so that the check inlines into every caller and the work does not.
    private void inject() {
        if (allocates) {
            published = new byte[arrayLength];
        }
        if (spinNanos > 0) {
            long started = System.nanoTime();
            while (System.nanoTime() - started < spinNanos) {
                // Spinning on the clock itself; Thread.onSpinWait would idle the core, and the point is to use it.
            }
        }
    }

    @Override
    public String toString() {
        return settings.describe();
    }
}
