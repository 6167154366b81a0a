package dev.perfharness.cli.profile;

import dev.perfharness.profiles.CollapsedStacks;
import dev.perfharness.profiles.FlameGraphHtml;
import dev.perfharness.profiles.FrameShift;
import dev.perfharness.profiles.ProfileDiff;
import dev.perfharness.profiles.ProfilingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness profile diff}: a differential flame graph of two collapsed profiles, the base scaled
 * to the new total first, as one HTML file that works offline; and the frames whose share moved most.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "A differential flame graph of two profiles (red grew, blue shrank), normalized to equal "
                + "totals. BASE and NEW are collapsed-stacks files, or folders holding exactly one collapsed-*.csv "
                + "or *.collapsed file.")
public final class ProfileDiffCommand implements Callable<Integer> {
    private static final int SHOWN = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "the profile before the change")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "the profile after the change")
    Path next;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the HTML file to write")
    Path out;

    @Option(names = "--title", paramLabel = "TITLE", description = "the page's title (default: BASE vs NEW)")
    String title;

    @Override
    public Integer call() throws Exception {
        return ProfileErrors.reported(spec, () -> {
            ProfileDiff diff = ProfileDiff.of(CollapsedStacks.read(collapsedFile(base, "BASE")),
                    CollapsedStacks.read(collapsedFile(next, "NEW")));
            Path page = out.toAbsolutePath();
            FlameGraphHtml.writeDiff(diff, title != null ? title : defaultTitle(diff), page);
            PrintWriter output = spec.commandLine().getOut();
            output.printf("wrote %s (%,d KB)%n", page, Files.size(page) / 1024);
            output.printf("base %,d samples, new %,d samples: base scaled by %.4f to the new total%n",
                    diff.base().total(), diff.next().total(), diff.scale());
            print(output, "grew", diff.grown(SHOWN));
            print(output, "shrank", diff.shrunk(SHOWN));
            output.flush();
            return 0;
        });
    }

    private static void print(PrintWriter output, String heading, List<FrameShift> shifts) {
        output.printf("%s (share of samples with the frame on top, base -> new):%n", heading);
        if (shifts.isEmpty()) {
            output.println("  none");
        }
        for (FrameShift shift : shifts) {
            output.printf("  %+7.2f pp  %6.2f%% -> %6.2f%%  %s%n", shift.changePoints(), shift.baseShare() * 100,
                    shift.newShare() * 100, shift.frame());
        }
    }

    private static String defaultTitle(ProfileDiff diff) {
        return Path.of(diff.base().source()).getFileName() + " vs " + Path.of(diff.next().source()).getFileName();
    }

    /** The file itself, or the one collapsed-stacks file in a folder (as JMH's and attach's output folders hold). */
    static Path collapsedFile(Path given, String label) {
        if (Files.isRegularFile(given)) {
            return given;
        }
        if (!Files.isDirectory(given)) {
            throw new ProfilingException(label + " " + given + " is no file or folder");
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(given)) {
            candidates = files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".collapsed") || name.startsWith("collapsed-") && name.endsWith(".csv");
            }).sorted().toList();
        } catch (IOException e) {
            throw new ProfilingException("cannot list " + label + " folder " + given + ": " + e, e);
        }
        if (candidates.size() != 1) {
            throw new ProfilingException(label + " folder " + given + " holds " + (candidates.isEmpty() ? "no"
                    : candidates.size() + " (" + String.join(", ", candidates.stream()
                            .map(file -> file.getFileName().toString()).toList()) + ")")
                    + " collapsed-*.csv or *.collapsed files; name one file");
        }
        return candidates.get(0);
    }
}
