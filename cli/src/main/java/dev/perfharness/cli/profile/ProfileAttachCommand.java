package dev.perfharness.cli.profile;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.profiles.AsyncProfilerLibrary;
import dev.perfharness.profiles.EventProfile;
import dev.perfharness.profiles.ProfiledEvent;
import dev.perfharness.profiles.SamplingEngine;
import dev.perfharness.profiles.ServiceProfiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness profile attach}: async-profiler loaded into a running JVM (the service's, say) for a
 * window, leaving collapsed stacks and async-profiler's own flame graph per event.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Profile a running JVM for a window: collapsed stacks and a flame graph per event. "
                + "With --event both, CPU takes the first half of the window and allocations the second "
                + "(async-profiler writes one event per session in these formats).")
public final class ProfileAttachCommand implements Callable<Integer> {
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The events one {@code --event} value stands for. */
    enum EventChoice {
        CPU(EnumSet.of(ProfiledEvent.CPU)),
        ALLOC(EnumSet.of(ProfiledEvent.ALLOC)),
        BOTH(EnumSet.of(ProfiledEvent.CPU, ProfiledEvent.ALLOC));

        private final Set<ProfiledEvent> events;

        EventChoice(Set<ProfiledEvent> events) {
            this.events = events;
        }
    }

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;
    private final CliContext context;

    @Option(names = "--pid", required = true, paramLabel = "PID", description = "the JVM to profile")
    long pid;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "the window, e.g. 10s or 1m (default 10s)")
    Duration duration;

    @Option(names = "--event", paramLabel = "EVENT", defaultValue = "cpu",
            description = "cpu, alloc or both (default cpu)")
    EventChoice event;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10ms", converter = DurationConverter.class,
            description = "time between CPU samples per thread (default 10ms; ctimer cannot go below ~4ms)")
    Duration interval;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the files go (default: runs/profile-<pid>-<time> in the project folder)")
    Path out;

    public ProfileAttachCommand(CliContext context) {
        this.context = context;
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws Exception {
        if (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new ParameterException(spec.commandLine(), "--duration " + duration + " is outside 1ms to 1h");
        }
        if (interval.isZero()) {
            throw new ParameterException(spec.commandLine(), "--interval must be longer than zero");
        }
        return ProfileErrors.reported(spec, () -> {
            HarnessSettings settings = settingsOptions.load();
            AsyncProfilerLibrary library = ProfileCommand.library(settings);
            SamplingEngine engine = SamplingEngine.probe(library);
            ServiceProfiler profiler = new ServiceProfiler(library, engine, interval);
            Path dir = out != null ? out.toAbsolutePath()
                    : context.projectDir().resolve("runs").resolve("profile-" + pid + "-" + LocalDateTime.now().format(STAMP));
            PrintWriter output = spec.commandLine().getOut();
            output.printf("profiling pid %d for %s: %s%s%n", pid, text(duration), String.join(" then ",
                    event.events.stream().map(e -> e.label() + " (event=" + profiler.agentEvent(e) + ")").toList()),
                    event.events.contains(ProfiledEvent.CPU) && !engine.perfEvents() ? "; " + engine.note() : "");
            output.flush();
            List<EventProfile> profiles = profiler.profile(pid, duration, event.events, dir);
            output.println("wrote:");
            for (EventProfile profile : profiles) {
                output.printf("  %-5s %,9d samples in %-6s %s%n", profile.event().label(), profile.samples(),
                        text(profile.window()), profile.collapsed());
                output.printf("  %-5s %9s            %-6s %s%n", "", "", "", profile.flameGraph());
            }
            output.flush();
            return 0;
        });
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
