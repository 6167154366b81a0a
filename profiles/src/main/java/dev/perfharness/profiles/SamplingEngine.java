package dev.perfharness.profiles;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import one.profiler.AsyncProfiler;

/**
 * How CPU time can be sampled on this machine. async-profiler 4.x quietly falls back from perf events
 * to {@code ctimer} for {@code event=cpu}, and the two differ: ctimer has no kernel frames and only
 * tick resolution. So the harness probes once, passes the engine explicitly, and reports which it used.
 *
 * @param event      the async-profiler event to pass for CPU profiles: {@code cpu} (perf events) or
 *                   {@code ctimer} (a timer per thread)
 * @param perfEvents whether perf events work here
 * @param note       one line saying why, for reports and {@code harness profile check}
 */
public record SamplingEngine(String event, boolean perfEvents, String note) {
    private static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");
    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final String CTIMER = "; using ctimer (no kernel frames, ~4 ms resolution)";
    private static final Map<Path, SamplingEngine> PROBED = new ConcurrentHashMap<>();
    private static final Map<Path, SamplingEngine> PROBED_ELSEWHERE = new ConcurrentHashMap<>();
    private static final String PROBE_PREFIX = "sampling-engine\t";
    private static final Duration CHILD_PROBE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * {@code cpu} when perf events work here, else {@code ctimer}, with a note saying why. async-profiler
     * takes perf events for {@code event=cpu} only when it may sample the kernel too, so this asks the
     * same: {@code kernel.perf_event_paranoid} at most 1, or CAP_PERFMON or CAP_SYS_ADMIN (root); and
     * then probes for real, loading the library into this JVM and starting and stopping a
     * {@code cpu-clock} perf event, which seccomp or a missing PMU would refuse.
     *
     * <p>The result is kept for the life of the JVM. A JVM profiled by attach sees the same answer when
     * it runs on this machine as the same user and outside a container.
     *
     * @throws ProfilerUnavailable when the library cannot be loaded into this JVM
     */
    public static SamplingEngine probe(AsyncProfilerLibrary library) {
        return PROBED.computeIfAbsent(library.path(), path -> probeNow(library));
    }

    /**
     * The same probe, run in a short-lived JVM, for a JVM that must not load the library itself: the JMH
     * suite, whose {@code -prof async} loads it through JMH's own class. A library's native methods are
     * bound once, for the class that loaded it first; after {@code one.profiler.AsyncProfiler} has,
     * JMH's binding in the same JVM fails with an UnsatisfiedLinkError.
     *
     * @throws ProfilerUnavailable when the probe JVM cannot run or load the library, with its output
     */
    public static SamplingEngine probeInChildJvm(AsyncProfilerLibrary library) {
        return PROBED_ELSEWHERE.computeIfAbsent(library.path(), path -> probeInChild(library));
    }

    private static SamplingEngine probeInChild(AsyncProfilerLibrary library) {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SamplingEngine.class.getName(), library.path().toString())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(CHILD_PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new ProfilerUnavailable("the sampling probe JVM failed: " + output.strip());
            }
            String[] fields = output.lines().filter(line -> line.startsWith(PROBE_PREFIX)).findFirst()
                    .orElseThrow(() -> new ProfilerUnavailable("the sampling probe JVM printed no answer: " + output.strip()))
                    .substring(PROBE_PREFIX.length()).split("\t", 3);
            return new SamplingEngine(fields[0], Boolean.parseBoolean(fields[1]), fields[2]);
        } catch (IOException e) {
            throw new ProfilerUnavailable("cannot start the sampling probe JVM " + launcher + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfilerUnavailable("interrupted while probing the sampling engine", e);
        }
    }

    /** The child side of {@link #probeInChildJvm}: prints the engine for the library at {@code args[0]}. */
    public static void main(String[] args) {
        SamplingEngine engine = probe(AsyncProfilerLibrary.at(Path.of(args[0])));
        System.out.println(PROBE_PREFIX + engine.event() + "\t" + engine.perfEvents() + "\t" + engine.note());
    }

    private static SamplingEngine probeNow(AsyncProfilerLibrary library) {
        if (library.platform().equals("macos")) {
            return new SamplingEngine("cpu", false, "macOS has no perf events; event=cpu samples with itimer (no kernel frames)");
        }
        Optional<Integer> paranoid = paranoidLevel();
        boolean privileged = hasPerfCapability();
        if (!kernelSamplingAllowed(paranoid, privileged)) {
            return decide(paranoid, privileged, Optional.empty());
        }
        AsyncProfiler profiler = load(library);
        try {
            if (!profiler.execute("status").startsWith("Profiler is not active")) {
                // Someone else's session: a probe would fail for that reason, not for perf events.
                return new SamplingEngine("ctimer", false, "not probed: async-profiler is already running in this JVM"
                        + CTIMER);
            }
            profiler.execute("start,event=cpu-clock,interval=10ms");
            profiler.execute("stop");
            return decide(paranoid, privileged, Optional.empty());
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            return decide(paranoid, privileged, Optional.of(String.valueOf(e.getMessage()).strip()));
        }
    }

    /**
     * The engine for what was found.
     *
     * @param paranoid     {@code kernel.perf_event_paranoid}, when readable
     * @param privileged   whether this process has CAP_PERFMON or CAP_SYS_ADMIN
     * @param startFailure why starting a perf event failed, when it was tried and failed
     */
    static SamplingEngine decide(Optional<Integer> paranoid, boolean privileged, Optional<String> startFailure) {
        String level = paranoid.map(value -> "kernel.perf_event_paranoid=" + value)
                .orElse("kernel.perf_event_paranoid unreadable");
        String who = privileged ? "with CAP_PERFMON or CAP_SYS_ADMIN" : "without CAP_PERFMON or CAP_SYS_ADMIN";
        if (!kernelSamplingAllowed(paranoid, privileged)) {
            return new SamplingEngine("ctimer", false, "perf events unavailable: " + level + ", " + who
                    + " (async-profiler's event=cpu needs kernel samples)" + CTIMER);
        }
        if (startFailure.isPresent()) {
            return new SamplingEngine("ctimer", false, "perf events unavailable: " + level + " / " + startFailure.get()
                    + CTIMER);
        }
        return new SamplingEngine("cpu", true, "perf events available (" + level + ", " + who
                + "): event=cpu samples the perf cpu-clock event, kernel frames included");
    }

    private static boolean kernelSamplingAllowed(Optional<Integer> paranoid, boolean privileged) {
        return privileged || paranoid.map(level -> level <= 1).orElse(false);
    }

    private static AsyncProfiler load(AsyncProfilerLibrary library) {
        try {
            return AsyncProfiler.getInstance(library.path().toString());
        } catch (UnsatisfiedLinkError e) {
            // e.g. a state folder on a noexec mount, or a library for another platform
            throw new ProfilerUnavailable("cannot load " + library.path() + " into this JVM: " + e.getMessage(), e);
        }
    }

    private static Optional<Integer> paranoidLevel() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(PERF_EVENT_PARANOID).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CAP_PERFMON or CAP_SYS_ADMIN among this process's effective capabilities (root has both). */
    private static boolean hasPerfCapability() {
        try {
            for (String line : Files.readAllLines(PROCESS_STATUS)) {
                if (line.startsWith("CapEff:")) {
                    BigInteger capabilities = new BigInteger(line.substring("CapEff:".length()).strip(), 16);
                    return capabilities.testBit(CAP_PERFMON) || capabilities.testBit(CAP_SYS_ADMIN);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: treat as unprivileged
        }
        return false;
    }
}
