package dev.perfharness.sut.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.HostAndPort;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void aRegistryIsTheFirstComponentWhenItHasADotOrAColonOrIsLocalhost() {
        assertThat(ImageReference.parse("127.0.0.1:5000/perf-harness/blob-1m:1")).isEqualTo(
                new ImageReference(Optional.of("127.0.0.1:5000"), "perf-harness/blob-1m", Optional.of("1"), Optional.empty()));
        assertThat(ImageReference.parse("registry.local/team/app").registry()).hasValue("registry.local");
        assertThat(ImageReference.parse("localhost/app:2").registry()).hasValue("localhost");
        assertThat(ImageReference.parse("perf-harness/blob-1m:1").registry()).isEmpty();
        assertThat(ImageReference.parse("perf-harness/blob-1m:1").repository()).isEqualTo("perf-harness/blob-1m");
    }

    @Test
    void aPortIsNotATag() {
        ImageReference reference = ImageReference.parse("registry.local:5000/team/app");

        assertThat(reference.tag()).isEmpty();
        assertThat(reference.tagOrDigest()).isEqualTo("latest");
        assertThat(reference.name()).isEqualTo("registry.local:5000/team/app");
    }

    @Test
    void aDigestIsPulledInsteadOfTheTag() {
        ImageReference reference = ImageReference.parse("team/app:1.2@" + DIGEST);

        assertThat(reference.tag()).hasValue("1.2");
        assertThat(reference.digest()).hasValue(DIGEST);
        assertThat(reference.tagOrDigest()).isEqualTo(DIGEST);
        assertThat(reference).hasToString("team/app:1.2@" + DIGEST);
    }

    @Test
    void aNameWithoutARegistryTakesTheGivenOneAndANameWithOneKeepsIt() {
        HostAndPort registry = new HostAndPort("127.0.0.1", 41234);

        assertThat(ImageReference.parse("perf-harness/blob-1m:1").inRegistry(registry))
                .hasToString("127.0.0.1:41234/perf-harness/blob-1m:1");
        assertThat(ImageReference.parse("other.example:5000/app:1").inRegistry(registry).registry()).hasValue("other.example:5000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UPPER/Case Name!", "a::b", "team/app:", "/app", "app@sha256:short"})
    void whatDoesNotParseIsRefusedByName(String text) {
        assertThat(ImageReference.isValid(text)).isFalse();
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void aReferenceLongerThanDockersLimitIsRefused() {
        assertThat(ImageReference.isValid("a".repeat(ImageReference.MAX_LENGTH))).isTrue();
        assertThat(ImageReference.isValid("a".repeat(ImageReference.MAX_LENGTH + 1))).isFalse();
    }
}
