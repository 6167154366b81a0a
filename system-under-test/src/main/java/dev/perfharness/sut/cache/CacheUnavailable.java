package dev.perfharness.sut.cache;

import java.util.concurrent.TimeoutException;

/** Redis did not answer in time or refused; the caller falls back to the tracker. */
final class CacheUnavailable extends RuntimeException {
    CacheUnavailable(Throwable cause) {
        super(describe(cause), cause, false, false);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "no answer within the cache deadline";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
