package dev.perfharness.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import one.profiler.AsyncProfiler;

/**
 * async-profiler's native library as a real file, which {@code -agentpath}, the attach API and JMH's
 * {@code -prof async:libPath=} all need. The {@code tools.profiler:async-profiler} jar ships one per
 * platform but only extracts it to a temporary file that it deletes again once loaded.
 */
public final class AsyncProfilerLibrary {
    static final String LIBRARY_FILE = "libasyncProfiler.so";
    private static final String POM_PROPERTIES = "/META-INF/maven/tools.profiler/async-profiler/pom.properties";

    private final Path path;
    private final String version;
    private final String platform;

    private AsyncProfilerLibrary(Path path, String version, String platform) {
        this.path = path;
        this.version = version;
        this.platform = platform;
    }

    /**
     * Extracts the native library shipped in the async-profiler jar for this platform to
     * {@code cacheDir/async-profiler-<version>/<platform>/libasyncProfiler.so}, once: a file already
     * there is reused when it matches the jar's byte for byte, and replaced otherwise (a partial or
     * corrupt copy). It is written to a temporary file and renamed, so concurrent callers are safe.
     *
     * @throws ProfilerUnavailable naming os.name and os.arch when the jar has no library for this
     *         platform, or naming the path when it cannot be written
     */
    public static AsyncProfilerLibrary extractTo(Path cacheDir) {
        String platform = platformOf(System.getProperty("os.name"), System.getProperty("os.arch"));
        return extractTo(cacheDir, platform);
    }

    static AsyncProfilerLibrary extractTo(Path cacheDir, String platform) {
        String version = bundledVersion();
        byte[] library = bundledLibrary(platform);
        Path target = cacheDir.resolve("async-profiler-" + version).resolve(platform).resolve(LIBRARY_FILE)
                .toAbsolutePath().normalize();
        try {
            if (!sameContent(target, library)) {
                AtomicFiles.write(target, library);
            }
        } catch (IOException e) {
            throw new ProfilerUnavailable("cannot write async-profiler's library to " + target + ": " + e, e);
        }
        return new AsyncProfilerLibrary(target, version, platform);
    }

    /** The library {@link #extractTo} put at {@code path}, possibly in another JVM. */
    static AsyncProfilerLibrary at(Path path) {
        return new AsyncProfilerLibrary(path, bundledVersion(), platformOf(System.getProperty("os.name"), System.getProperty("os.arch")));
    }

    /** The extracted library, an absolute path. */
    public Path path() {
        return path;
    }

    /** async-profiler's version as the jar declares it, e.g. {@code 4.6}. */
    public String version() {
        return version;
    }

    /** The jar's folder name for this platform: {@code linux-x64}, {@code linux-arm64} or {@code macos}. */
    public String platform() {
        return platform;
    }

    @Override
    public String toString() {
        return "async-profiler " + version + " " + platform + " at " + path;
    }

    /** The same platform tags as {@code one.profiler.AsyncProfiler}, limited to those the jar ships. */
    static String platformOf(String osName, String osArch) {
        String os = String.valueOf(osName).toLowerCase(Locale.ROOT);
        String arch = String.valueOf(osArch).toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64") || arch.contains("x64")) {
                return "linux-x64";
            }
            if (arch.equals("aarch64") || arch.contains("arm64")) {
                return "linux-arm64";
            }
        } else if (os.contains("mac")) {
            return "macos";
        }
        throw new ProfilerUnavailable("async-profiler has no native library for os.name=" + osName
                + ", os.arch=" + osArch + "; its jar ships linux-x64, linux-arm64 and macos");
    }

    private static String bundledVersion() {
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String version = pom.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.trim();
                }
            }
        } catch (IOException e) {
            // fall through: a repackaged jar may lack its pom; the content check still guards the cache
        }
        return "unknown";
    }

    private static byte[] bundledLibrary(String platform) {
        String resource = "/" + platform + "/" + LIBRARY_FILE;
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfilerUnavailable("the async-profiler jar on the classpath has no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProfilerUnavailable("cannot read " + resource + " from the async-profiler jar: " + e, e);
        }
    }

    private static boolean sameContent(Path file, byte[] expected) throws IOException {
        // Size first: a cheap check that catches a copy cut short by a crash or a full disk.
        return Files.isRegularFile(file) && Files.size(file) == expected.length
                && Arrays.equals(Files.readAllBytes(file), expected);
    }
}
