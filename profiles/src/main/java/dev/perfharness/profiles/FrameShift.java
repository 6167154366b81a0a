package dev.perfharness.profiles;

/**
 * How much of each profile one frame took as the leaf (its self time or self allocations), as a
 * share of that profile's total, so profiles of different lengths compare.
 *
 * @param frame     the frame's name
 * @param baseShare its share of the base profile, 0 to 1
 * @param newShare  its share of the new profile, 0 to 1
 */
public record FrameShift(String frame, double baseShare, double newShare) {

    /** The change in share, in percentage points: positive grew, negative shrank. */
    public double changePoints() {
        return (newShare - baseShare) * 100;
    }
}
