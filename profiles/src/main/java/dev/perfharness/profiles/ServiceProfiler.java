package dev.perfharness.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Profiles a running JVM, such as the reference service in its child JVM, for a chosen window, with
 * async-profiler loaded as an agent through the JDK attach API; or gives the {@code -agentpath}
 * argument that profiles a JVM the harness launches from its start.
 *
 * <p>One async-profiler session writes collapsed stacks and HTML for one event only (several events at
 * once need JFR output and a converter the 4.6 jar does not ship), so CPU and allocations are profiled
 * in two consecutive halves of the window, CPU first.
 *
 * <p>JDK 21 and later print a warning when an agent is loaded into a running JVM; the harness starts
 * the JVMs it launches with {@code -XX:+EnableDynamicAgentLoading}, which allows it silently. The
 * target must run as the same user on this machine, and must be able to write {@code outDir}.
 */
public final class ServiceProfiler {
    /** async-profiler's own default CPU sampling interval. */
    public static final Duration DEFAULT_CPU_INTERVAL = Duration.ofMillis(10);
    private static final Duration LONGEST_WINDOW = Duration.ofHours(1);

    private final AsyncProfilerLibrary library;
    private final SamplingEngine engine;
    private final Duration cpuInterval;

    public ServiceProfiler(AsyncProfilerLibrary library, SamplingEngine engine) {
        this(library, engine, DEFAULT_CPU_INTERVAL);
    }

    /**
     * @param cpuInterval time between CPU samples per thread; ctimer cannot go below the kernel tick (~4 ms)
     */
    public ServiceProfiler(AsyncProfilerLibrary library, SamplingEngine engine, Duration cpuInterval) {
        if (cpuInterval.isNegative() || cpuInterval.isZero()) {
            throw new IllegalArgumentException("cpuInterval " + cpuInterval + " must be longer than zero");
        }
        this.library = library;
        this.engine = engine;
        this.cpuInterval = cpuInterval;
        agentPath(library.path());
    }

    /**
     * Profiles JVM {@code pid} for {@code window} and writes, per event, {@code <event>.collapsed} and
     * async-profiler's {@code <event>.html} flame graph into {@code outDir}. With both events, each gets
     * half of the window, CPU first.
     *
     * @param window between 1 ms and 1 hour
     * @return one profile per event, CPU first
     * @throws ProfilingException when the pid is not an attachable JVM or async-profiler in it refuses
     *         (e.g. it is already profiling); the message names the pid and async-profiler's reason
     */
    public List<EventProfile> profile(long pid, Duration window, Set<ProfiledEvent> events, Path outDir)
            throws InterruptedException {
        if (window.compareTo(Duration.ofMillis(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("window " + window + " is outside 1 ms to 1 hour");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no event to profile");
        }
        Path dir = agentPath(outDir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProfilingException("cannot create the output folder " + dir + ": " + e, e);
        }
        Duration share = window.dividedBy(events.size());
        List<EventProfile> profiles = new ArrayList<>();
        try (AttachedJvm jvm = AttachedJvm.attach(pid, library.path(), dir)) {
            for (ProfiledEvent event : EnumSet.copyOf(events)) {
                profiles.add(profileOne(jvm, event, share, dir));
            }
        }
        return profiles;
    }

    private EventProfile profileOne(AttachedJvm jvm, ProfiledEvent event, Duration window, Path dir)
            throws InterruptedException {
        Path collapsed = dir.resolve(event.label() + ".collapsed");
        Path flameGraph = dir.resolve(event.label() + ".html");
        // The target writes these itself, not atomically; they are renamed into place once complete.
        Path collapsedPart = dir.resolve("." + event.label() + ".collapsed.part");
        Path flameGraphPart = dir.resolve("." + event.label() + ".html.part");
        jvm.command("start," + eventOptions(event));
        boolean stopped = false;
        try {
            Thread.sleep(window);
            jvm.command("stop,collapsed,file=" + collapsedPart);
            stopped = true;
            // After stop the samples stay until the next start, so the same session can be dumped again as HTML.
            jvm.command("dump,flamegraph,title=" + title(jvm.pid(), event, window) + ",file=" + flameGraphPart);
            requireWritten(collapsedPart, jvm);
            requireWritten(flameGraphPart, jvm);
            AtomicFiles.moveIntoPlace(collapsedPart, collapsed);
            AtomicFiles.moveIntoPlace(flameGraphPart, flameGraph);
        } catch (IOException e) {
            throw new ProfilingException("cannot move the profile of pid " + jvm.pid() + " into " + dir + ": " + e, e);
        } finally {
            if (!stopped) {
                jvm.stopQuietly();
            }
        }
        return new EventProfile(event, agentEvent(event), collapsed, flameGraph,
                CollapsedStacks.read(collapsed).total(), window);
    }

    /**
     * The JVM argument that profiles {@code event} in a JVM the harness launches, from its start until it
     * exits, when async-profiler writes {@code outputFile}: a flame graph when it ends in {@code .html},
     * collapsed stacks otherwise. For example
     * {@code -agentpath:/state/async-profiler/async-profiler-4.6/linux-x64/libasyncProfiler.so=start,event=cpu,interval=10000000,collapsed,file=/runs/cpu.collapsed}.
     */
    public String startupAgentArgument(ProfiledEvent event, Path outputFile) {
        Path file = agentPath(outputFile.toAbsolutePath().normalize());
        String format = file.getFileName().toString().endsWith(".html") ? "flamegraph" : "collapsed";
        return "-agentpath:" + library.path() + "=start," + eventOptions(event) + "," + format + ",file=" + file;
    }

    /** The event async-profiler is given for {@code event}: the probed CPU engine, or {@code alloc}. */
    public String agentEvent(ProfiledEvent event) {
        return event == ProfiledEvent.CPU ? engine.event() : "alloc";
    }

    private String eventOptions(ProfiledEvent event) {
        return event == ProfiledEvent.CPU
                ? "event=" + engine.event() + ",interval=" + cpuInterval.toNanos()
                : "event=alloc";
    }

    /** async-profiler does not escape its title; this one holds no comma, markup or user text. */
    private String title(long pid, ProfiledEvent event, Duration window) {
        String sampler = event == ProfiledEvent.CPU
                ? " sampled by " + (engine.perfEvents() ? "perf events" : engine.event()) + " every "
                        + cpuInterval.toMillis() + " ms" : "";
        return "pid " + pid + ": " + event.label() + sampler + " for " + seconds(window);
    }

    private static String seconds(Duration window) {
        return window.toMillis() % 1000 == 0 ? window.toSeconds() + " s" : window.toMillis() + " ms";
    }

    private static void requireWritten(Path file, AttachedJvm jvm) {
        if (!Files.isRegularFile(file)) {
            throw new ProfilingException("async-profiler in pid " + jvm.pid() + " reported success but wrote no " + file);
        }
    }

    /** async-profiler splits its options at commas and expands {@code %p}-style patterns in file names. */
    private static Path agentPath(Path path) {
        String text = path.toString();
        if (text.contains(",") || text.contains("%")) {
            throw new ProfilingException("async-profiler cannot be given the path " + text
                    + ": its options are split at ',' and '%' starts a pattern; use a path without them");
        }
        return path;
    }
}
