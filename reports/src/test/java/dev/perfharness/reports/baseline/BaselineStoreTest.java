package dev.perfharness.reports.baseline;

import static dev.perfharness.reports.TestRuns.forks;
import static dev.perfharness.reports.TestRuns.jmhResult;
import static dev.perfharness.reports.TestRuns.latencySeries;
import static dev.perfharness.reports.TestRuns.summary;
import static dev.perfharness.reports.TestRuns.writeHlog;
import static dev.perfharness.reports.TestRuns.writeJmh;
import static dev.perfharness.reports.TestRuns.writeSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.reports.metrics.RunMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final List<String> STANDARD_FILES = List.of(
            "flames/cache/hit-cpu.collapsed",
            "gatling/DashboardPolling/after/client.hlog",
            "gatling/DashboardPolling/after/server.hlog",
            "gatling/DashboardPolling/after/summary.json",
            "gatling/DashboardPolling/before/repeat-1/client.hlog",
            "gatling/DashboardPolling/before/repeat-1/summary.json",
            "jmh/results.json",
            "run.json");

    @TempDir
    Path dir;
    private Path run;
    private BaselineStore store;

    @BeforeEach
    void buildRun() throws IOException {
        run = dir.resolve("runs/20261125-000750");
        store = new BaselineStore(dir.resolve("baselines"), Clock.fixed(NOW, ZoneOffset.UTC));
        writeRun(run, 100);
    }

    @Test
    void aSavedBaselineKeepsOnlyTheStandardFiles() throws Exception {
        Baseline saved = store.save("main", run, false);

        assertThat(filesUnder(store.root().resolve("main"))).containsExactlyElementsOf(
                Stream.concat(Stream.of(BaselineStore.MANIFEST), STANDARD_FILES.stream()).sorted().toList());
        assertThat(saved.files()).containsOnlyKeys(STANDARD_FILES);
        assertThat(saved.commit()).isEqualTo("8654b4d");
        assertThat(saved.savedAt()).isEqualTo(NOW);
        assertThat(saved.directory()).isEqualTo(store.root().resolve("main"));
    }

    @Test
    void savedBaselinesAreListedLoadedAndDeleted() throws Exception {
        store.save("main", run, false);
        store.save("release-1.2", run, false);

        assertThat(store.names()).containsExactly("main", "release-1.2");
        Baseline loaded = store.load("main");
        assertThat(loaded.name()).isEqualTo("main");
        assertThat(loaded.savedAt()).isEqualTo(NOW);
        assertThat(loaded.sourceRun()).isEqualTo(run.toAbsolutePath().normalize().toString());
        assertThat(loaded.files()).containsOnlyKeys(STANDARD_FILES);
        assertThat(RunMetrics.read(loaded.directory()).all()).hasSameSizeAs(RunMetrics.read(run).all());

        store.delete("main");

        assertThat(store.names()).containsExactly("release-1.2");
        assertThat(store.root().resolve("main")).doesNotExist();
        assertThatThrownBy(() -> store.load("main")).isInstanceOf(BaselineException.class).hasMessageContaining("release-1.2");
        assertThatThrownBy(() -> store.delete("main")).isInstanceOf(BaselineException.class).hasMessageContaining("\"main\"");
    }

    @Test
    void aChangedByteIsCaughtNamingTheFile() throws Exception {
        store.save("main", run, false);
        Path results = store.root().resolve("main/jmh/results.json");
        byte[] bytes = Files.readAllBytes(results);
        bytes[bytes.length / 2] ^= 1;
        Files.write(results, bytes);

        assertThatThrownBy(() -> store.load("main"))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(results.toString())
                .hasMessageContaining("sha256");
    }

    @Test
    void aMissingFileIsCaughtNamingIt() throws Exception {
        store.save("main", run, false);
        Path log = store.root().resolve("main/gatling/DashboardPolling/after/server.hlog");
        Files.delete(log);

        assertThatThrownBy(() -> store.load("main"))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(log.toString())
                .hasMessageContaining("missing");
    }

    @Test
    void aBrokenManifestIsCaughtNamingIt() throws Exception {
        store.save("main", run, false);
        Path manifest = store.root().resolve("main").resolve(BaselineStore.MANIFEST);
        String json = Files.readString(manifest);

        Files.writeString(manifest, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> store.load("main")).isInstanceOf(BaselineException.class).hasMessageContaining(manifest.toString());

        Files.writeString(manifest, json.replace("\"files\"", "\"filez\""));
        assertThatThrownBy(() -> store.load("main")).isInstanceOf(BaselineException.class).hasMessageContaining(manifest.toString());

        Files.writeString(manifest, json.replaceFirst("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : 7"));
        assertThatThrownBy(() -> store.load("main")).isInstanceOf(BaselineException.class).hasMessageContaining(manifest.toString());

        Files.writeString(manifest, json.replace(NOW.toString(), "yesterday"));
        assertThatThrownBy(() -> store.load("main")).isInstanceOf(BaselineException.class).hasMessageContaining(manifest.toString());
    }

    @Test
    void savingOverAnExistingNameIsRefusedAndTheOldOneStays() throws Exception {
        store.save("main", run, false);
        String before = Files.readString(store.root().resolve("main/jmh/results.json"));
        Path newer = dir.resolve("runs/20261126-000000");
        writeRun(newer, 200);

        assertThatThrownBy(() -> store.save("main", newer, false))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("\"main\" exists already");

        assertThat(store.load("main").sourceRun()).isEqualTo(run.toAbsolutePath().normalize().toString());
        assertThat(store.root().resolve("main/jmh/results.json")).hasContent(before);
        assertThat(hiddenFolders()).isEmpty();
    }

    @Test
    void replacingSwapsTheBaselineWhole() throws Exception {
        store.save("main", run, false);
        Path newer = dir.resolve("runs/20261126-000000");
        writeRun(newer, 200);
        Files.delete(newer.resolve("gatling/DashboardPolling/after/server.hlog"));

        store.save("main", newer, true);

        Baseline loaded = store.load("main");
        assertThat(loaded.sourceRun()).isEqualTo(newer.toAbsolutePath().normalize().toString());
        assertThat(store.root().resolve("main/jmh/results.json")).hasSameTextualContentAs(newer.resolve("jmh/results.json"));
        assertThat(store.root().resolve("main/gatling/DashboardPolling/after/server.hlog")).doesNotExist();
        assertThat(store.names()).containsExactly("main");
        assertThat(hiddenFolders()).isEmpty();
    }

    @Test
    void aFailedSaveLeavesNoBaselineAndNoStagingFolder() throws Exception {
        Files.writeString(run.resolve("run.json"), "{\"git\": ");

        assertThatThrownBy(() -> store.save("main", run, false))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(run.resolve("run.json").toString());

        assertThat(store.names()).isEmpty();
        assertThat(hiddenFolders()).isEmpty();
    }

    @Test
    void aBadNameIsRefusedByName() {
        for (String name : List.of("../elsewhere", ".hidden", "a b", "")) {
            assertThatThrownBy(() -> store.save(name, run, false))
                    .isInstanceOf(BaselineException.class)
                    .hasMessageContaining("\"" + name + "\"");
        }
        assertThatThrownBy(() -> store.delete("../runs")).isInstanceOf(BaselineException.class).hasMessageContaining("\"../runs\"");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void aRunWithoutResultsIsNoBaseline() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("runs/empty"));
        Files.writeString(empty.resolve("run.json"), "{}");

        assertThatThrownBy(() -> store.save("main", empty, false))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void aPlainRunDirectoryGivenAsAPathLoads() throws Exception {
        Baseline loaded = store.load(run.toString());

        assertThat(loaded.directory()).isEqualTo(run);
        assertThat(loaded.name()).isEqualTo("20261125-000750");
        assertThat(loaded.commit()).isEqualTo("8654b4d");
        assertThat(loaded.savedAt()).isNull();
        assertThat(loaded.files()).isEmpty();
    }

    @Test
    void aSavedBaselineGivenAsAPathIsChecked() throws Exception {
        store.save("main", run, false);
        Path folder = store.root().resolve("main");
        Files.writeString(folder.resolve("run.json"), "{}");

        assertThatThrownBy(() -> store.load(folder.toString()))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(folder.resolve("run.json").toString());
    }

    private List<String> hiddenFolders() throws IOException {
        try (Stream<Path> children = Files.list(store.root())) {
            return children.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        }
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** A run with every kind of file a run has, standard or not. */
    private static void writeRun(Path run, double score) throws IOException {
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"git\": {\"commit\": \"8654b4d\"}}");
        writeJmh(run, jmhResult("dev.perfharness.jmh.cache.CacheAsideBenchmark.hit", "avgt", Map.of("cache", "ASIDE"), "us/op",
                forks(score, 1, (long) score)));
        Files.writeString(run.resolve("jmh/jmh.log"), "# JMH version: 1.37\n");
        Path after = run.resolve("gatling/DashboardPolling/after");
        writeHlog(after.resolve("client.hlog"), Map.of(), latencySeries(null, 3, 10, 1000, 1));
        writeHlog(after.resolve("server.hlog"), Map.of(), latencySeries("/api/v1/images/pull-active", 1, 10, 300, 2));
        writeSummary(after, summary("DashboardPolling", "after", Map.of("GC pauses", 6.0)));
        Files.writeString(after.resolve("simulation.log"), "RUN\tDashboardPolling\n");
        Files.writeString(after.resolve("events.json"), "[]");
        Files.createDirectories(after.resolve("report/js"));
        Files.writeString(after.resolve("report/index.html"), "<html></html>");
        Files.writeString(after.resolve("report/js/stats.js"), "var stats = {};");
        Files.createDirectories(after.resolve("warm-up"));
        Files.writeString(after.resolve("warm-up/simulation.log"), "RUN\n");
        Path before = run.resolve("gatling/DashboardPolling/before/repeat-1");
        writeHlog(before.resolve("client.hlog"), Map.of(), latencySeries(null, 3, 10, 1200, 3));
        writeSummary(before, summary("DashboardPolling", "before", Map.of("GC pauses", 9.0)));
        Files.writeString(before.resolve("metrics-after.prom"), "# HELP\n");
        Files.createDirectories(run.resolve("flames/cache"));
        Files.writeString(run.resolve("flames/cache/hit-cpu.collapsed"), "a;b 3\n");
        Files.writeString(run.resolve("flames/cache/hit-cpu.html"), "<html></html>");
        Files.writeString(run.resolve("gate.json"), "{}");
        Files.writeString(run.resolve("summary.md"), "## gate\n");
    }
}
