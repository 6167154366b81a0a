package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.sut.http.BadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextsTest {
    @TempDir
    Path root;

    @Test
    void aContextIsWrittenOnFirstUseWithItsDockerfileAndFiles() throws IOException {
        BuildContexts contexts = new BuildContexts(root, "perf-harness/busybox:1", List.of(new BuildContexts.Spec("small", 5, 1024)));
        assertThat(root.resolve("small")).doesNotExist();

        Path small = contexts.resolve("small");

        assertThat(small).isEqualTo(root.resolve("small"));
        try (Stream<Path> files = Files.list(small)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("Dockerfile", "file-0000.bin", "file-0001.bin", "file-0002.bin", "file-0003.bin", "file-0004.bin");
        }
        assertThat(Files.size(small.resolve("file-0004.bin"))).isEqualTo(1024);
        assertThat(Files.readString(small.resolve("Dockerfile"))).isEqualTo("FROM perf-harness/busybox:1\nCOPY . /ctx\n");
    }

    @Test
    void aContextKeepsItsBytesAcrossUsesAndServices() throws IOException {
        BuildContexts.Spec spec = new BuildContexts.Spec("small", 2, 4096);
        Path first = new BuildContexts(root.resolve("a"), "base:1", List.of(spec)).resolve("small");
        Path second = new BuildContexts(root.resolve("b"), "base:1", List.of(spec)).resolve("small");

        assertThat(Files.readAllBytes(second.resolve("file-0001.bin"))).isEqualTo(Files.readAllBytes(first.resolve("file-0001.bin")));
    }

    @Test
    void anUnknownContextIsABadRequestNamingItAndTheKnownOnes() {
        BuildContexts contexts = new BuildContexts(root, "base:1", BuildContexts.DEFAULT_SPECS);

        assertThatThrownBy(() -> contexts.resolve("../etc"))
                .isInstanceOf(BadRequest.class)
                .hasMessage("build context \"../etc\" does not exist; there are: small, large")
                .extracting(problem -> ((BadRequest) problem).parameter()).isEqualTo("context");
    }

    @Test
    void closingRemovesTheFolder() {
        BuildContexts contexts = new BuildContexts(root.resolve("contexts"), "base:1", List.of(new BuildContexts.Spec("small", 1, 10)));
        contexts.resolve("small");

        contexts.close();

        assertThat(root.resolve("contexts")).doesNotExist();
    }
}
