package dev.perfharness.cli.profile;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.profiles.AsyncProfilerLibrary;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness profile}: async-profiler flame graphs of a running JVM, and the difference between two
 * profiles. async-profiler's native library is extracted once into {@code <state.dir>/async-profiler}.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "async-profiler: check this machine (check), profile a running JVM (attach), compare two profiles (diff).",
        subcommands = {ProfileCheckCommand.class, ProfileAttachCommand.class, ProfileDiffCommand.class})
public final class ProfileCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The library for this platform, extracted into the state folder on first use. */
    static AsyncProfilerLibrary library(HarnessSettings settings) {
        return AsyncProfilerLibrary.extractTo(libraryCache(settings));
    }

    /** Where async-profiler's library is extracted to, for every command that profiles. */
    public static Path libraryCache(HarnessSettings settings) {
        return settings.stateDir().resolve("async-profiler");
    }
}
