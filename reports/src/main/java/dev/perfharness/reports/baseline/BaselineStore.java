package dev.perfharness.reports.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfharness.reports.run.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named baselines under one folder ({@code baselines/} in the project, small enough for git). Saving
 * copies a run's standard files into a hidden folder, writes {@code baseline.json} last and renames the
 * folder into place, so a baseline either exists whole or not at all; replacing one swaps the folders
 * the same way. Loading checks every listed file's size and SHA-256 first: a damaged baseline is an
 * error that names the file, never a wrong verdict.
 */
public final class BaselineStore {
    public static final String MANIFEST = "baseline.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Clock clock;

    public BaselineStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** Saves the run as {@code name}; an existing baseline of that name is replaced only when asked. */
    public Baseline save(String name, Path run, boolean replace) throws IOException {
        checkName(name);
        if (!Files.isDirectory(run)) {
            throw new BaselineException("no run directory at " + run);
        }
        List<Path> files = keptFiles(run);
        if (files.stream().noneMatch(file -> file.toString().startsWith("jmh") || file.toString().startsWith("gatling"))) {
            throw new BaselineException("run " + run + " has no JMH results and no Gatling legs to keep as a baseline");
        }
        Path target = root.resolve(name);
        if (Files.exists(target) && !replace) {
            throw new BaselineException("baseline \"" + name + "\" exists already (" + target + "); delete it or save with --replace");
        }
        Files.createDirectories(root);
        Path staging = root.resolve("." + name + ".saving-" + UUID.randomUUID());
        try {
            Map<String, Baseline.FileDigest> digests = new TreeMap<>();
            for (Path relative : files) {
                Path copy = staging.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(run.resolve(relative), copy);
                digests.put(slashed(relative), digest(copy));
            }
            Baseline baseline = new Baseline(name, target, clock.instant(), run.toAbsolutePath().normalize().toString(),
                    commitOf(run.resolve("run.json")), digests);
            Files.write(staging.resolve(MANIFEST), JSON.writeValueAsBytes(manifest(baseline)));
            moveIntoPlace(staging, target);
            return baseline;
        } finally {
            deleteTree(staging);
        }
    }

    /** A baseline by name, or any folder given as a path: a saved baseline (checked) or a run directory. */
    public Baseline load(String nameOrPath) throws IOException {
        Path directory = NAME.matcher(nameOrPath).matches() && !Files.isDirectory(Path.of(nameOrPath)) ? root.resolve(nameOrPath) : Path.of(nameOrPath);
        if (!Files.isDirectory(directory)) {
            throw new BaselineException("no baseline \"" + nameOrPath + "\": " + directory + " does not exist"
                    + (NAME.matcher(nameOrPath).matches() ? "; saved baselines: " + String.join(", ", names()) : ""));
        }
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            // A run directory passed as a path (a CI artifact): nothing to check it against, but it is read as a run is.
            return new Baseline(directory.getFileName().toString(), directory, null, directory.toString(),
                    commitOf(directory.resolve("run.json")), Map.of());
        }
        Baseline baseline = readManifest(manifest);
        verify(baseline);
        return baseline;
    }

    public List<String> names() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> NAME.matcher(name).matches()).sorted().toList();
        }
    }

    public void delete(String name) throws IOException {
        checkName(name);
        Path directory = root.resolve(name);
        if (!Files.isDirectory(directory)) {
            throw new BaselineException("no baseline \"" + name + "\" to delete in " + root);
        }
        // Renamed first, so an interrupted delete leaves a hidden leftover, not a half-deleted baseline.
        Path doomed = root.resolve("." + name + ".deleting-" + UUID.randomUUID());
        Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    private void verify(Baseline baseline) throws IOException {
        for (Map.Entry<String, Baseline.FileDigest> entry : baseline.files().entrySet()) {
            Path file = baseline.directory().resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new BaselineException("baseline \"" + baseline.name() + "\" is damaged: " + file + " is missing");
            }
            Baseline.FileDigest actual = digest(file);
            if (actual.bytes() != entry.getValue().bytes() || !actual.sha256().equals(entry.getValue().sha256())) {
                throw new BaselineException("baseline \"" + baseline.name() + "\" is damaged: " + file + " has "
                        + actual.bytes() + " bytes (sha256 " + actual.sha256() + ") where " + entry.getValue().bytes()
                        + " bytes (sha256 " + entry.getValue().sha256() + ") were saved");
            }
        }
    }

    private void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException raced) {
                throw new BaselineException("baseline folder " + target + " appeared while saving; nothing was replaced");
            }
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private static List<Path> keptFiles(Path run) throws IOException {
        try (Stream<Path> all = Files.walk(run)) {
            return all.filter(Files::isRegularFile).map(run::relativize).filter(BaselineFiles::kept).sorted().toList();
        }
    }

    private static ObjectNode manifest(Baseline baseline) {
        ObjectNode json = JSON.createObjectNode();
        json.put("name", baseline.name());
        json.put("saved_at", baseline.savedAt().toString());
        json.put("source_run", baseline.sourceRun());
        json.put("commit", baseline.commit());
        ObjectNode files = json.putObject("files");
        baseline.files().forEach((path, digest) -> files.putObject(path).put("bytes", digest.bytes()).put("sha256", digest.sha256()));
        return json;
    }

    private static Baseline readManifest(Path manifest) {
        JsonNode json;
        try {
            json = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new BaselineException("baseline manifest " + manifest + " cannot be read: " + e.getMessage(), e);
        }
        if (json == null || !json.path("files").isObject() || !json.path("name").isTextual()) {
            throw new BaselineException("baseline manifest " + manifest + " is damaged: it lacks \"name\" or \"files\"");
        }
        Map<String, Baseline.FileDigest> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!file.getValue().path("bytes").canConvertToLong() || !file.getValue().path("sha256").isTextual()) {
                throw new BaselineException("baseline manifest " + manifest + " is damaged: the entry for " + file.getKey() + " lacks bytes or sha256");
            }
            files.put(file.getKey(), new Baseline.FileDigest(file.getValue().path("bytes").asLong(), file.getValue().path("sha256").asText()));
        }
        Instant savedAt;
        try {
            savedAt = json.path("saved_at").isTextual() ? Instant.parse(json.path("saved_at").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new BaselineException("baseline manifest " + manifest + " is damaged: saved_at is not a time: " + e.getMessage(), e);
        }
        return new Baseline(json.path("name").asText(), manifest.getParent(), savedAt, json.path("source_run").asText(null),
                json.path("commit").asText(null), files);
    }

    /** The git commit a run's manifest records, or null. */
    public static String commitOf(Path runJson) {
        if (!Files.isRegularFile(runJson)) {
            return null;
        }
        try {
            return RunManifest.read(runJson).git().commit();
        } catch (UncheckedIOException e) {
            throw new BaselineException(e.getMessage(), e);
        }
    }

    private static Baseline.FileDigest digest(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        long bytes = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes += read;
            }
        }
        return new Baseline.FileDigest(bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BaselineException("baseline name \"" + name + "\" is not allowed: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException ignored) {
                    // Gone already.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
