package dev.perfharness.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A base and a new profile made comparable: the base's counts are scaled to the new profile's total,
 * as {@code difffolded.pl -n} does, so a longer or busier run does not read as growth everywhere.
 * A stack's delta is then {@code new - base * newTotal / baseTotal}: positive grew, negative shrank.
 */
public final class ProfileDiff {
    private final CollapsedStacks base;
    private final CollapsedStacks next;
    private final double scale;

    private ProfileDiff(CollapsedStacks base, CollapsedStacks next) {
        this.base = base;
        this.next = next;
        this.scale = (double) next.total() / base.total();
    }

    /**
     * @throws ProfilingException naming the profile that has no samples, which nothing can be scaled to
     */
    public static ProfileDiff of(CollapsedStacks base, CollapsedStacks next) {
        for (CollapsedStacks profile : List.of(base, next)) {
            if (profile.total() == 0) {
                throw new ProfilingException(profile.source() + " has no samples to compare");
            }
        }
        // Two runs load their hidden classes at different addresses; compare the frames, not the addresses.
        return new ProfileDiff(base.withoutRuntimeAddresses(), next.withoutRuntimeAddresses());
    }

    public CollapsedStacks base() {
        return base;
    }

    public CollapsedStacks next() {
        return next;
    }

    /** The factor the base's counts are multiplied by: new total / base total. */
    public double scale() {
        return scale;
    }

    /** The base's count of a stack scaled to the new total. */
    public double scaledBase(String stack) {
        return base.count(stack) * scale;
    }

    /** New count minus scaled base count. */
    public double delta(String stack) {
        return next.count(stack) - scaledBase(stack);
    }

    /** Every stack of either profile, the new profile's first. */
    public Set<String> stacks() {
        Set<String> stacks = new LinkedHashSet<>(next.counts().keySet());
        stacks.addAll(base.counts().keySet());
        return stacks;
    }

    /** The {@code limit} leaf frames whose share grew most, largest first; only those that grew. */
    public List<FrameShift> grown(int limit) {
        return shifts().stream().filter(shift -> shift.changePoints() > 0)
                .sorted(Comparator.comparingDouble(FrameShift::changePoints).reversed()).limit(limit).toList();
    }

    /** The {@code limit} leaf frames whose share shrank most, largest drop first; only those that shrank. */
    public List<FrameShift> shrunk(int limit) {
        return shifts().stream().filter(shift -> shift.changePoints() < 0)
                .sorted(Comparator.comparingDouble(FrameShift::changePoints)).limit(limit).toList();
    }

    /** Every leaf frame's share of each profile. */
    public List<FrameShift> shifts() {
        Map<String, Long> baseSelf = selfCounts(base);
        Map<String, Long> newSelf = selfCounts(next);
        Set<String> frames = new LinkedHashSet<>(newSelf.keySet());
        frames.addAll(baseSelf.keySet());
        List<FrameShift> shifts = new ArrayList<>();
        for (String frame : frames) {
            shifts.add(new FrameShift(frame, baseSelf.getOrDefault(frame, 0L) / (double) base.total(),
                    newSelf.getOrDefault(frame, 0L) / (double) next.total()));
        }
        return shifts;
    }

    private static Map<String, Long> selfCounts(CollapsedStacks profile) {
        Map<String, Long> self = new HashMap<>();
        profile.counts().forEach((stack, count) -> self.merge(leaf(stack), count, Long::sum));
        return self;
    }

    static String leaf(String stack) {
        return stack.substring(stack.lastIndexOf(';') + 1);
    }
}
