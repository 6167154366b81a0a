package dev.perfharness.cli;

import dev.perfharness.sut.layout.LayoutReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness layout}: seed 002's struct-alignment question asked of the JVM. JOL prints the
 * object layout HotSpot chose for the log-entry analogue in both field orders and for the service's
 * hot objects; the JVM reorders fields itself, so the declared order may change nothing.
 */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Print the JOL object layouts of the log-entry analogue (both field orders) and the hot objects.")
public final class LayoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LayoutReport.print(out);
        out.flush();
        return 0;
    }
}
