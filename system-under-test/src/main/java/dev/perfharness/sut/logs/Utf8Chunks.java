package dev.perfharness.sut.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns fixed-size byte chunks of a log into text without splitting a character: a multi-byte UTF-8
 * sequence cut by the chunk boundary is held back and completed by the next chunk. (The seed's
 * {@code string(buf[:n])} turns such a cut into two U+FFFD.) Bytes that are not UTF-8 at all become
 * U+FFFD, as JSON needs valid text.
 *
 * <p>One per stream, reused for every chunk; not thread-safe.
 */
final class Utf8Chunks {
    /** The longest UTF-8 sequence minus one: the most a chunk can leave incomplete. */
    private static final int CARRY = 3;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer input;
    private final CharBuffer output;

    /** @param chunkBytes the largest chunk {@link #decode} will be given */
    Utf8Chunks(int chunkBytes) {
        input = ByteBuffer.allocate(chunkBytes + CARRY);
        // UTF-8 never yields more chars than bytes (a 4-byte sequence is 2 chars; each bad byte is 1).
        output = CharBuffer.allocate(chunkBytes + CARRY);
    }

    /** The text of {@code bytes[0, length)} plus what the previous chunk left incomplete. */
    String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    /** The text of {@code bytes[offset, offset + length)} plus what the previous chunk left incomplete. */
    String decode(byte[] bytes, int offset, int length) {
        input.put(bytes, offset, length).flip();
        output.clear();
        decoder.decode(input, output, false);
        input.compact();
        return output.flip().toString();
    }

    /** The end of the log: an incomplete sequence left over becomes U+FFFD. */
    String finish() {
        input.flip();
        output.clear();
        decoder.decode(input, output, true);
        decoder.flush(output);
        input.clear();
        decoder.reset();
        return output.flip().toString();
    }
}
