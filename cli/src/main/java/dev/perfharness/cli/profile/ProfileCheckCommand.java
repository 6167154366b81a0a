package dev.perfharness.cli.profile;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.profiles.AsyncProfilerLibrary;
import dev.perfharness.profiles.SamplingEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness profile check}: whether async-profiler runs here, and with which CPU sampling engine. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Extract async-profiler's library and say how CPU time is sampled here (perf events or ctimer).")
public final class ProfileCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    public ProfileCheckCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws Exception {
        return ProfileErrors.reported(spec, () -> {
            AsyncProfilerLibrary library = ProfileCommand.library(settingsOptions.load());
            SamplingEngine engine = SamplingEngine.probe(library);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("platform:        %s%n", library.platform());
            out.printf("library:         %s%n", library.path());
            out.printf("version:         async-profiler %s%n", library.version());
            out.printf("cpu sampling:    %s%n", engine.perfEvents()
                    ? "event=" + engine.event() + " with perf events"
                    : "event=" + engine.event() + ", a timer fallback: perf events are not available");
            out.printf("why:             %s%n", engine.note());
            out.printf("allocations:     event=alloc (TLAB-driven sampling; needs no perf events)%n");
            out.flush();
            return 0;
        });
    }
}
