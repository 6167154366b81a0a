package dev.perfharness.gatling.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Files a simulation writes beside Gatling's own records, into {@link Knobs#outputDir()}: written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
public final class SideOutputs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SideOutputs() {
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code name} in the output folder, when the run has one. */
    public static void write(String name, Writer writer) {
        Knobs.outputDir().ifPresent(dir -> {
            Path target = dir.resolve(name);
            Path partial = dir.resolve(name + ".partial");
            try {
                Files.createDirectories(dir);
                try (OutputStream out = Files.newOutputStream(partial)) {
                    writer.writeTo(out);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        });
    }

    public static void writeJson(String name, Map<String, ?> values) {
        write(name, out -> JSON.writeValue(out, values));
    }
}
