package dev.perfharness.sut.buffers;

import dev.perfharness.sut.buffers.Tier.TierSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Pools of fixed-size arrays, one per size class: a request gets an array of the smallest tier that
 * holds it (so up to the tier's size, not the size asked for), and a request above the largest tier
 * gets an array of its own that is not kept ({@code buffer_pool_unpooled_total}). This one class serves
 * two variants:
 *
 * <ul>
 *   <li>{@code buffers=fixed}, seed 002's two {@code sync.Pool}s: 8 KB (logs) and 32 KB (tar), each
 *       keeping at most {@value #FIXED_MAX_IDLE} idle buffers, none allocated up front (a
 *       {@code sync.Pool} starts empty).</li>
 *   <li>{@code buffers=tiered}, seed 003's enhanced pool: 1 KB, 256 KB, 2.5 MB, 5 MB and 10 MB tiers
 *       with hit and miss counts per tier.</li>
 * </ul>
 *
 * <h2>Pre-warm and idle bounds of the tiered pool</h2>
 * Seed 003 pre-allocates 50 buffers per tier; taken literally that is 50 x (1 KB + 256 KB + 2.5 MB + 5 MB +
 * 10 MB) = 888 MB of heap before the first request. Here {@code buffers.prewarm} applies only to the tiers
 * up to 256 KB (12.6 MB at the default 50); the 2.5, 5 and 10 MB tiers start empty. And no tier keeps
 * more than {@value #IDLE_BYTES_PER_TIER_MB} MB idle: a tier keeps at most
 * {@code min(max(prewarm, 16), 32 MB / size)} buffers, i.e. at the default 50: 50, 50, 12, 6 and 3. So
 * the most the tiered pool can hold idle is about 103 MB, reached only after that many large buffers were
 * in use at once.
 *
 * <p>A pooled array holds whatever its last user wrote: read only what was written into it.
 *
 * <p>Note for the log stream: its 4 KB reads land in the 256 KB tier (the seed has nothing between 1 KB
 * and 256 KB), so each open stream holds 256 KB instead of 4 KB.
 */
final class TieredPool implements BufferPool {
    static final int FIXED_MAX_IDLE = 64;
    static final int IDLE_BYTES_PER_TIER_MB = 32;
    /** A tier keeps at least this many idle buffers when prewarm is lower (it fits the byte budget). */
    static final int MIN_IDLE = 16;
    /** Tiers up to this size are pre-warmed. */
    static final int PREWARM_UP_TO_BYTES = 256 * 1024;

    private final String name;
    private final Tier[] tiers;
    private final PoolUsage usage;
    private final Counter unpooled;
    private volatile boolean closed;

    private TieredPool(String name, List<TierSpec> specs, MeterRegistry registry) {
        this.name = name;
        this.usage = new PoolUsage(registry, name);
        this.tiers = specs.stream().map(spec -> new Tier(spec, usage)).toArray(Tier[]::new);
        this.unpooled = Counter.builder("buffer.pool.unpooled").description("acquires above the largest tier, allocated and not kept")
                .tag("pool", name).register(registry);
    }

    /** Seed 002: an 8 KB pool for log reading and a 32 KB pool for tar copying. */
    static TieredPool fixed(MeterRegistry registry) {
        return new TieredPool("fixed", List.of(
                new TierSpec("8KB", 8 * 1024, FIXED_MAX_IDLE, 0),
                new TierSpec("32KB", 32 * 1024, FIXED_MAX_IDLE, 0)), registry);
    }

    /** Seed 003: five tiers, the ones up to 256 KB pre-warmed with {@code prewarm} buffers. */
    static TieredPool tiered(int prewarm, MeterRegistry registry) {
        if (prewarm < 0) {
            throw new IllegalArgumentException("buffers.prewarm must be 0 or more, got " + prewarm);
        }
        return new TieredPool("tiered", List.of(
                tier("1KB", 1024, prewarm),
                tier("256KB", 256 * 1024, prewarm),
                tier("2.5MB", 2560 * 1024, prewarm),
                tier("5MB", 5 * 1024 * 1024, prewarm),
                tier("10MB", 10 * 1024 * 1024, prewarm)), registry);
    }

    private static TierSpec tier(String label, int bytes, int prewarm) {
        int byBudget = Math.max(1, (int) ((long) IDLE_BYTES_PER_TIER_MB * 1024 * 1024 / bytes));
        int maxIdle = Math.min(Math.max(prewarm, MIN_IDLE), byBudget);
        int warm = bytes <= PREWARM_UP_TO_BYTES ? Math.min(prewarm, maxIdle) : 0;
        return new TierSpec(label, bytes, maxIdle, warm);
    }

    @Override
    public Buffer acquire(int size) {
        checkSize(size);
        if (closed) {
            throw new IllegalStateException("the " + name + " buffer pool is closed");
        }
        for (Tier tier : tiers) {
            if (size <= tier.bytes) {
                return new ArrayLoan(usage, tier.take(), this, tier);
            }
        }
        unpooled.increment();
        usage.allocated(size);
        return new ArrayLoan(usage, new byte[size], null, null);
    }

    /**
     * Takes a closed loan's array back into its tier.
     *
     * @throws IllegalArgumentException for a loan of another pool, or an array that is not its tier's size
     */
    void giveBack(ArrayLoan loan) {
        if (loan.owner != this) {
            throw new IllegalArgumentException("a buffer of another pool (%s) cannot be given back to this %s pool"
                    .formatted(loan.owner == null ? "unpooled" : loan.owner.name, name));
        }
        byte[] array = loan.unwrap();
        if (array.length != loan.tier.bytes) {
            throw new IllegalArgumentException("an array of %d bytes does not belong in the %s tier".formatted(array.length, loan.tier.label));
        }
        if (!closed) {
            loan.tier.put(array);
        }
    }

    /** The tier labelled {@code label}, for tests and reports. */
    Tier tier(String label) {
        for (Tier tier : tiers) {
            if (tier.label.equals(label)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("the %s pool has no tier %s".formatted(name, label));
    }

    @Override
    public String name() {
        return name;
    }

    /** Drops the idle buffers; buffers still on loan may be closed later and are then dropped too. */
    @Override
    public void close() {
        closed = true;
        for (Tier tier : tiers) {
            tier.clear();
        }
    }

    static void checkSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("a buffer size must be 0 or more, got " + size);
        }
    }
}
