package dev.perfharness.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import one.profiler.AsyncProfiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncProfilerLibraryTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path cache;

    @Test
    void extractsTheJarsLibraryUnderItsVersionAndPlatform() throws Exception {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(cache);

        assertThat(library.version()).isEqualTo("4.6");
        assertThat(library.platform()).isIn("linux-x64", "linux-arm64", "macos");
        assertThat(library.path()).isEqualTo(cache.toAbsolutePath()
                .resolve("async-profiler-4.6/" + library.platform() + "/libasyncProfiler.so"));
        assertThat(Files.readAllBytes(library.path())).isEqualTo(bundled(library.platform()));
    }

    @Test
    void aCompleteCopyIsReusedNotRewritten() throws Exception {
        Path path = AsyncProfilerLibrary.extractTo(cache).path();
        Files.setLastModifiedTime(path, LONG_AGO);

        AsyncProfilerLibrary again = AsyncProfilerLibrary.extractTo(cache);

        assertThat(again.path()).isEqualTo(path);
        assertThat(Files.getLastModifiedTime(path)).isEqualTo(LONG_AGO);
        try (var files = Files.list(path.getParent())) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void aCopyCutShortIsReplaced() throws Exception {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(cache);
        byte[] bundled = bundled(library.platform());
        Files.write(library.path(), Arrays.copyOf(bundled, bundled.length / 2));

        AsyncProfilerLibrary.extractTo(cache);

        assertThat(Files.readAllBytes(library.path())).isEqualTo(bundled);
    }

    @Test
    void aCorruptCopyOfTheRightSizeIsReplaced() throws Exception {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(cache);
        byte[] bundled = bundled(library.platform());
        byte[] corrupt = bundled.clone();
        corrupt[corrupt.length / 2] ^= 0x5a;
        Files.write(library.path(), corrupt);
        Files.setLastModifiedTime(library.path(), LONG_AGO);

        AsyncProfilerLibrary.extractTo(cache);

        assertThat(Files.readAllBytes(library.path())).isEqualTo(bundled);
    }

    @Test
    void anUnsupportedPlatformIsNamed() {
        assertThatThrownBy(() -> AsyncProfilerLibrary.platformOf("Windows 11", "amd64"))
                .isInstanceOf(ProfilerUnavailable.class)
                .hasMessageContaining("os.name=Windows 11").hasMessageContaining("os.arch=amd64");
        assertThatThrownBy(() -> AsyncProfilerLibrary.platformOf("Linux", "riscv64"))
                .hasMessageContaining("os.arch=riscv64");
    }

    @Test
    void thePlatformTagsMatchTheJars() {
        assertThat(AsyncProfilerLibrary.platformOf("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(AsyncProfilerLibrary.platformOf("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(AsyncProfilerLibrary.platformOf("Mac OS X", "aarch64")).isEqualTo("macos");
    }

    private static byte[] bundled(String platform) throws Exception {
        try (InputStream in = AsyncProfiler.class.getResourceAsStream("/" + platform + "/libasyncProfiler.so")) {
            return in.readAllBytes();
        }
    }
}
