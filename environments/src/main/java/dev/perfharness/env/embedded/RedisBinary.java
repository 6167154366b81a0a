package dev.perfharness.env.embedded;

import dev.perfharness.env.EnvironmentException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * Finds a redis-server executable: the one configured, else the one bundled in the embedded-redis
 * artifact for this platform, else one on PATH.
 */
final class RedisBinary {
    private RedisBinary() {
    }

    static Path locate(Optional<String> configured) {
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isExecutable(path)) {
                throw new EnvironmentException("redis.binary = \"" + configured.get() + "\" is not an executable file");
            }
            return path;
        }
        try {
            File bundled = ExecutableProvider.newJarResourceProvider().get();
            if (bundled.canExecute() || bundled.setExecutable(true)) {
                return bundled.toPath();
            }
        } catch (IOException | RuntimeException bundledMissing) {
            // No binary for this OS and architecture in the artifact: fall back to PATH below.
        }
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get().toPath();
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("no redis-server for the embedded environment: the embedded-redis artifact has "
                    + "none for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " and none is on PATH; install redis-server or set redis.binary to its path");
        }
    }
}
