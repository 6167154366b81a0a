package dev.perfharness.env.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.perfharness.env.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The state of {@code env up}, kept in {@code <state.dir>/environment.json}.
 *
 * <p>Written to a temporary file and renamed, so a reader never sees half a file.
 */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    public StateFile(Path stateDir) {
        this.path = stateDir.resolve("environment.json");
    }

    public Path path() {
        return path;
    }

    /** The log of the process that holds the environment, beside the state. */
    public Path holderLog() {
        return path.resolveSibling("environment.log");
    }

    public Optional<EnvironmentState> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(path.toFile(), EnvironmentState.class));
        } catch (IOException e) {
            throw new EnvironmentException("the environment state " + path + " cannot be read (" + e.getMessage()
                    + "); remove it once no environment runs", e);
        }
    }

    public void write(EnvironmentState state) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), "environment", ".json.tmp");
            JSON.writeValue(temporary.toFile(), state);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the environment state " + path + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new EnvironmentException("cannot remove the environment state " + path + ": " + e.getMessage(), e);
        }
    }
}
