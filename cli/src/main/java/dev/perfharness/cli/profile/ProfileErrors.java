package dev.perfharness.cli.profile;

import dev.perfharness.profiles.ProfilerUnavailable;
import dev.perfharness.profiles.ProfilingException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A profiler that cannot run here, a pid that is no JVM or a bad profile file is the user's to fix:
 * one clear line and exit 2, as for the other commands' configuration errors, instead of a stack trace.
 */
final class ProfileErrors {
    static final int EXIT_USER_ERROR = 2;

    private ProfileErrors() {
    }

    static int reported(CommandSpec spec, Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (ProfilerUnavailable | ProfilingException e) {
            spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText("error: " + e.getMessage()));
            return EXIT_USER_ERROR;
        }
    }
}
