package dev.perfharness.reports.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run was made from, as {@code git} in the project folder tells it. Without git, or outside
 * a repository, every field is null: a run does not need git.
 *
 * @param commit the full commit id of HEAD
 * @param dirty  whether tracked files differ from HEAD (untracked ones do not count)
 * @param branch the branch checked out; null on a detached HEAD
 */
public record GitState(String commit, Boolean dirty, String branch) {
    private static final long TIMEOUT_SECONDS = 10;

    public static GitState unknown() {
        return new GitState(null, null, null);
    }

    /** The state of the repository {@code directory} is in, asking the {@code git} on PATH. */
    public static GitState of(Path directory) {
        return of(directory, "git");
    }

    /** As {@link #of(Path)}, with the git executable named. */
    public static GitState of(Path directory, String git) {
        Optional<String> commit = ask(directory, git, "rev-parse", "--verify", "HEAD");
        if (commit.isEmpty()) {
            return unknown();
        }
        Boolean dirty = ask(directory, git, "status", "--porcelain", "--untracked-files=no").map(changes -> !changes.isEmpty()).orElse(null);
        String branch = ask(directory, git, "symbolic-ref", "--quiet", "--short", "HEAD").orElse(null);
        return new GitState(commit.get(), dirty, branch);
    }

    /** git's output, trimmed, when it ran and exited 0. */
    private static Optional<String> ask(Path directory, String git, String... arguments) {
        List<String> command = new ArrayList<>(List.of(git, "-C", directory.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException noGit) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
