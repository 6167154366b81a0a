package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8LogChunksTest {

    @Test
    void aCharacterCutByTheChunkBoundaryIsCompletedByTheNextChunk() {
        Utf8Chunks chunks = new Utf8Chunks(4);
        byte[] bytes = "ab€c".getBytes(StandardCharsets.UTF_8); // € is 3 bytes: a b E2 82 | AC c

        String first = chunks.decode(Arrays.copyOfRange(bytes, 0, 4), 4);
        String second = chunks.decode(Arrays.copyOfRange(bytes, 4, 6), 2);

        assertThat(first).isEqualTo("ab");
        assertThat(second).isEqualTo("€c");
        assertThat(chunks.finish()).isEmpty();
    }

    @Test
    void aFourByteCharacterSplitOverThreeChunksArrivesWhole() {
        Utf8Chunks chunks = new Utf8Chunks(2);
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();

        text.append(chunks.decode(new byte[] {emoji[0]}, 1));
        text.append(chunks.decode(new byte[] {emoji[1], emoji[2]}, 2));
        text.append(chunks.decode(new byte[] {emoji[3], 'x'}, 2));

        assertThat(text.toString()).isEqualTo("😀x");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        Utf8Chunks chunks = new Utf8Chunks(8);

        assertThat(chunks.decode(new byte[] {'o', 'k', (byte) 0xff, '!'}, 4)).isEqualTo("ok\uFFFD!");
    }

    @Test
    void anIncompleteCharacterAtTheEndOfTheLogBecomesAReplacementCharacter() {
        Utf8Chunks chunks = new Utf8Chunks(8);

        assertThat(chunks.decode(new byte[] {'e', 'n', 'd', (byte) 0xE2, (byte) 0x82}, 5)).isEqualTo("end");
        assertThat(chunks.finish()).isEqualTo("\uFFFD");
    }

    @Test
    void aFullChunkAfterACarryFits() {
        Utf8Chunks chunks = new Utf8Chunks(4);
        chunks.decode(new byte[] {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98}, 4);

        assertThat(chunks.decode(new byte[] {(byte) 0x80, 'b', 'c', 'd'}, 4)).isEqualTo("😀bcd");
    }
}
