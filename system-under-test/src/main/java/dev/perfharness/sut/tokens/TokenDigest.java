package dev.perfharness.sut.tokens;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a token's secret: the key tokens are held and looked up by.
 *
 * <p>Why a digest rather than the token, and how it compares: a map keyed by the token text would
 * compare the presented token with held ones through {@code String.equals}, which stops at the first
 * differing character, so response times could tell an attacker how much of a guess is right. Here the
 * presented token is hashed first; the attacker chooses the token but cannot steer its digest, so what
 * the lookup's timing could reveal is about digests no one can aim at. The final comparison of two
 * digests is constant-time anyway: the four 64-bit words are XORed and ORed together with no early exit
 * (the same idea as {@link MessageDigest#isEqual}, without a {@code byte[]} per key). A linear scan with
 * {@code MessageDigest.isEqual} over every held token would also be constant-time, but O(n) per request at
 * 10 000 tokens. Keeping digests also means a heap dump holds no usable token.
 *
 * <p>Four {@code long} fields instead of a {@code byte[32]}: one object of 48 bytes per token instead of
 * two (24 + 48), which counts towards seed 003's "100 000 tokens under 50 MB".
 */
public final class TokenDigest {
    private final long word0;
    private final long word1;
    private final long word2;
    private final long word3;

    private TokenDigest(byte[] sha256) {
        ByteBuffer words = ByteBuffer.wrap(sha256);
        word0 = words.getLong();
        word1 = words.getLong();
        word2 = words.getLong();
        word3 = words.getLong();
    }

    static TokenDigest of(byte[] secret) {
        try {
            // A new instance per call: MessageDigest is not thread-safe, and a ThreadLocal would be one per
            // virtual thread, i.e. per request, anyway.
            return new TokenDigest(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE platform must provide", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TokenDigest that)) {
            return false;
        }
        long difference = (word0 ^ that.word0) | (word1 ^ that.word1) | (word2 ^ that.word2) | (word3 ^ that.word3);
        return difference == 0;
    }

    @Override
    public int hashCode() {
        // Digest bits are uniformly distributed; any 32 of them make a good hash.
        return (int) word0;
    }

    @Override
    public String toString() {
        return "TokenDigest[sha256 of a token]";
    }
}
