package dev.perfharness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code runs/<run-id>}: one folder per run, named by its start time in UTC so that names sort in the
 * order the runs happened. A second run in the same second gets a suffix rather than sharing a folder.
 */
public final class RunDirectories {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;

    public RunDirectories(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Creates and returns a new, empty run directory. */
    public Path create() {
        String id = RUN_ID.format(clock.instant());
        try {
            Files.createDirectories(root);
            for (int attempt = 0; ; attempt++) {
                Path candidate = root.resolve(attempt == 0 ? id : id + "-" + attempt);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + root, e);
        }
    }
}
