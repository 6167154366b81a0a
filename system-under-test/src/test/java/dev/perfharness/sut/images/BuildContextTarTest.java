package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.ImageSettings.BuildContextVariant;
import dev.perfharness.sut.buffers.BufferPool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuildContextTarTest {
    @TempDir
    Path root;

    private final AllocatingBufferPool buffers = new AllocatingBufferPool();

    @ParameterizedTest
    @EnumSource(BuildContextVariant.class)
    void theTarHoldsEveryFileOfTheContextWithItsBytes(BuildContextVariant variant) throws IOException {
        Path context = context(new BuildContexts.Spec("medium", 3, 100_000));

        Map<String, byte[]> entries = untar(read(BuildContextTar.create(variant, buffers), context));

        assertThat(entries.keySet()).containsExactly("Dockerfile", "file-0000.bin", "file-0001.bin", "file-0002.bin");
        assertThat(new String(entries.get("Dockerfile"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("FROM perf-harness/busybox:1\nCOPY . /ctx\n");
        assertThat(entries.get("file-0001.bin")).isEqualTo(Files.readAllBytes(context.resolve("file-0001.bin")));
        assertThat(buffers.acquired).hasValue(1);
        assertThat(buffers.released).hasValue(1);
    }

    @Test
    void bothVariantsSendTheSameBytes() throws IOException {
        Path context = context(new BuildContexts.Spec("many", 40, 3_000));

        byte[] inMemory = read(BuildContextTar.create(BuildContextVariant.IN_MEMORY, buffers), context);
        byte[] streamed = read(BuildContextTar.create(BuildContextVariant.STREAMED, buffers), context);

        assertThat(streamed).isEqualTo(inMemory);
        assertThat(inMemory.length).isGreaterThan(40 * 3_000);
    }

    @Test
    void aStreamedTarThatFailsIsAnErrorForTheReaderNotAShortTar() throws IOException {
        Path context = context(new BuildContexts.Spec("small", 2, 10));
        BufferPool exhausted = new BufferPool() {
            @Override
            public Buffer acquire(int size) {
                throw new IllegalStateException("no buffer of " + size + " bytes left");
            }

            @Override
            public String name() {
                return "exhausted";
            }

            @Override
            public void close() {
            }
        };

        try (InputStream tar = BuildContextTar.create(BuildContextVariant.STREAMED, exhausted).open(context)) {
            assertThatThrownBy(tar::readAllBytes)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(context.toString())
                    .hasMessageContaining("no buffer of 32768 bytes left");
        }
    }

    @Test
    void closingAStreamedTarEarlyEndsItsWriter() throws Exception {
        Path context = context(new BuildContexts.Spec("big", 4, 1 << 20));
        BuildContextTar streamed = BuildContextTar.create(BuildContextVariant.STREAMED, buffers);

        try (InputStream tar = streamed.open(context)) {
            assertThat(tar.readNBytes(1024)).hasSize(1024);
        }

        // The writer gives its buffer back once the broken pipe has stopped it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> buffers.released.get() == 1);
    }

    @Test
    void theVariantsAreNamedAsInTheSettings() {
        assertThat(BuildContextTar.create(BuildContextVariant.IN_MEMORY, buffers).name()).isEqualTo("in-memory");
        assertThat(BuildContextTar.create(BuildContextVariant.STREAMED, buffers).name()).isEqualTo("streamed");
    }

    private Path context(BuildContexts.Spec spec) {
        BuildContexts contexts = new BuildContexts(root, "perf-harness/busybox:1", List.of(spec));
        return contexts.resolve(spec.name());
    }

    private static byte[] read(BuildContextTar tar, Path context) throws IOException {
        try (InputStream in = tar.open(context)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> untar(byte[] tar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
