package dev.perfharness.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateTest {
    @TempDir
    Path project;

    @Test
    void readsTheCommitTheBranchAndWhetherTrackedFilesChanged() throws Exception {
        git("init", "--quiet", "--initial-branch=trunk");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        git("add", "pom.xml");
        git("commit", "--quiet", "-m", "first");

        GitState clean = GitState.of(project);
        Files.writeString(project.resolve("untracked.txt"), "not part of the build");
        GitState untracked = GitState.of(project);
        Files.writeString(project.resolve("pom.xml"), "<project><changed/></project>");
        GitState dirty = GitState.of(project);

        assertThat(clean.commit()).matches("[0-9a-f]{40}");
        assertThat(clean.branch()).isEqualTo("trunk");
        assertThat(clean.dirty()).isFalse();
        assertThat(untracked.dirty()).isFalse();
        assertThat(dirty.dirty()).isTrue();
        assertThat(dirty.commit()).isEqualTo(clean.commit());
    }

    @Test
    void aDetachedHeadHasNoBranch() throws Exception {
        git("init", "--quiet");
        Files.writeString(project.resolve("a"), "a");
        git("add", "a");
        git("commit", "--quiet", "-m", "first");
        git("checkout", "--quiet", "--detach");

        GitState state = GitState.of(project);

        assertThat(state.commit()).matches("[0-9a-f]{40}");
        assertThat(state.branch()).isNull();
    }

    @Test
    void outsideARepositoryEveryFieldIsNull() {
        assertThat(GitState.of(project)).isEqualTo(new GitState(null, null, null));
    }

    @Test
    void withoutGitEveryFieldIsNullAndNothingFails() {
        assertThat(GitState.of(project, "/no/such/git")).isEqualTo(GitState.unknown());
    }

    private void git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", project.toString(), "-c", "user.name=perf-harness",
                "-c", "user.email=perf-harness@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
