package dev.perfharness.sut.buffers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A buffer on loan: closing it gives it back exactly once (a second close is a no-op, so a
 * try-with-resources after an explicit close is safe), and asking for its array afterwards fails instead
 * of handing out memory someone else may now hold.
 */
abstract class Loan implements BufferPool.Buffer {
    private static final VarHandle RETURNED;

    static {
        try {
            RETURNED = MethodHandles.lookup().findVarHandle(Loan.class, "returned", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PoolUsage usage;
    /** Set once through {@link #RETURNED}: a field, not an AtomicBoolean, to save an object per loan. */
    private volatile boolean returned;

    Loan(PoolUsage usage) {
        this.usage = usage;
        usage.acquired();
    }

    @Override
    public final void close() {
        if (RETURNED.compareAndSet(this, false, true)) {
            usage.returned();
            giveBack();
        }
    }

    /** Fails once the buffer was given back. */
    final void checkOpen() {
        if (returned) {
            throw new IllegalStateException("this " + usage.pool() + " buffer was closed and given back; acquire another");
        }
    }

    /** Hands the memory back to where it came from; called once. */
    abstract void giveBack();
}
