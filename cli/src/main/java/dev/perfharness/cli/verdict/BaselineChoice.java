package dev.perfharness.cli.verdict;

import dev.perfharness.reports.baseline.Baseline;
import dev.perfharness.reports.baseline.BaselineException;
import dev.perfharness.reports.baseline.BaselineStore;
import dev.perfharness.reports.run.RunManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which baseline a compare or a gate uses: a saved one by name, a folder given as a path (a CI artifact,
 * or another run), or the newest baseline or run made from the commit where the current branch left
 * another one ({@code git merge-base HEAD BRANCH}), so a pull request is judged against its own starting
 * point rather than whatever ran last.
 */
public final class BaselineChoice {
    @Option(names = "--baseline", paramLabel = "NAME|PATH", description = "a saved baseline's name, a run id, or a baseline or run folder")
    String baseline;

    @Option(names = "--baseline-merge-base", paramLabel = "BRANCH",
            description = "the newest baseline or run of the commit where HEAD left BRANCH (git merge-base HEAD BRANCH)")
    String mergeBaseBranch;

    @Mixin
    BaselinesDirectoryOption baselinesDirectory;

    /** The chosen baseline, checked; null when none was asked for. */
    Baseline load(Path projectDir, Path runsRoot) throws IOException, InterruptedException {
        if (baseline != null && mergeBaseBranch != null) {
            throw new BaselineException("give --baseline or --baseline-merge-base, not both");
        }
        BaselineStore store = baselinesDirectory.store(projectDir);
        if (baseline != null) {
            // A name that is no saved baseline but a run id: that run, as a path would give it.
            boolean runId = !Files.isDirectory(store.root().resolve(baseline)) && Files.isDirectory(runsRoot.resolve(baseline));
            return store.load(runId ? runsRoot.resolve(baseline).toString() : baseline);
        }
        if (mergeBaseBranch == null) {
            return null;
        }
        String commit = mergeBase(projectDir, mergeBaseBranch);
        List<Path> candidates = new ArrayList<>();
        for (String name : store.names()) {
            candidates.add(store.root().resolve(name));
        }
        if (Files.isDirectory(runsRoot)) {
            try (Stream<Path> runs = Files.list(runsRoot)) {
                runs.filter(Files::isDirectory).forEach(candidates::add);
            }
        }
        Path newest = null;
        for (Path candidate : candidates) {
            if (commit.equals(BaselineStore.commitOf(candidate.resolve(RunManifest.FILE_NAME)))
                    && (newest == null || Files.getLastModifiedTime(candidate.resolve(RunManifest.FILE_NAME)).compareTo(Files.getLastModifiedTime(newest.resolve(RunManifest.FILE_NAME))) > 0)) {
                newest = candidate;
            }
        }
        if (newest == null) {
            throw new BaselineException("no baseline or run was made from commit " + commit + " (git merge-base HEAD " + mergeBaseBranch
                    + "); run the suite on that commit and save it with bin/harness baseline save");
        }
        return store.load(newest.toString());
    }

    private static String mergeBase(Path projectDir, String branch) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "merge-base", "HEAD", branch).directory(projectDir.toFile()).redirectErrorStream(true).start();
        git.getOutputStream().close();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            git.destroyForcibly();
            throw new BaselineException("git merge-base HEAD " + branch + " failed in " + projectDir + ": " + output);
        }
        return output;
    }
}
