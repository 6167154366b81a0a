package dev.perfharness.profiles;

import java.util.Locale;

/** What a profile samples: CPU time or heap allocations. */
public enum ProfiledEvent {
    /** On-CPU time, by the probed {@link SamplingEngine} (perf events or ctimer). */
    CPU,
    /** Heap allocations, sampled by async-profiler from TLAB refills and outside-TLAB allocations. */
    ALLOC;

    /** The lower-case name used in file names and on the command line: {@code cpu}, {@code alloc}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
