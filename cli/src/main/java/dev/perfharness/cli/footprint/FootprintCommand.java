package dev.perfharness.cli.footprint;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness footprint}: heap costs measured from outside the service's JVM. Each figure is the
 * slope of heap-after-full-GC between half and all of a load, so one-off costs cancel out.
 */
@Command(name = "footprint", mixinStandardHelpOptions = true,
        description = "Measure the service's heap per WebSocket connection and subscription (ws) or per token (tokens).",
        subcommands = {WebSocketFootprint.class, TokenFootprint.class})
public final class FootprintCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
