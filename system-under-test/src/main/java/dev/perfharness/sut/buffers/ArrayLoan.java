package dev.perfharness.sut.buffers;

/** A loan of a whole {@code byte[]}: from a tier of a {@link TieredPool}, or allocated for this use alone. */
final class ArrayLoan extends Loan {
    private final byte[] array;
    /** The pool and tier it goes back to; null when it was allocated for this use and is simply dropped. */
    final TieredPool owner;
    final Tier tier;

    ArrayLoan(PoolUsage usage, byte[] array, TieredPool owner, Tier tier) {
        super(usage);
        this.array = array;
        this.owner = owner;
        this.tier = tier;
    }

    /** Only for the owning pool, which gets the array back. */
    byte[] unwrap() {
        return array;
    }

    @Override
    public byte[] array() {
        checkOpen();
        return array;
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int capacity() {
        return array.length;
    }

    @Override
    void giveBack() {
        if (owner != null) {
            owner.giveBack(this);
        }
    }
}
