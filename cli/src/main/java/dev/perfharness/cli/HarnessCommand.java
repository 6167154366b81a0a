package dev.perfharness.cli;

import dev.perfharness.cli.env.EnvCommand;
import dev.perfharness.cli.footprint.FootprintCommand;
import dev.perfharness.cli.gatling.GatlingCommand;
import dev.perfharness.cli.verdict.BaselineCommand;
import dev.perfharness.cli.verdict.CalibrateCommand;
import dev.perfharness.cli.verdict.CompareCommand;
import dev.perfharness.cli.verdict.GateCommand;
import dev.perfharness.cli.profile.ProfileCommand;
import dev.perfharness.cli.run.RunCommand;
import picocli.CommandLine.Command;

/** {@code bin/harness}: runs the before and the after of a performance change side by side. */
@Command(name = "harness",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Runs the before and the after of a performance change side by side,",
                "on real infrastructure, and says with numbers whether the claim holds."},
        subcommands = {RunCommand.class, EnvCommand.class, SutCommand.class, JmhCommand.class, ProfileCommand.class, FootprintCommand.class,
                GatlingCommand.class, BaselineCommand.class, CompareCommand.class, GateCommand.class, CalibrateCommand.class,
                LayoutCommand.class},
        footer = {"", "Settings, later ones winning: defaults,",
                "  ~/.config/perf-harness/harness.properties, ./harness.properties or --config,",
                "  environment variables (REDIS_ADDR, HARNESS_ENV, ...), flags (--set KEY=VALUE)."})
public final class HarnessCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
