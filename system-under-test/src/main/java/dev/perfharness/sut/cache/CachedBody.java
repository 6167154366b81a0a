package dev.perfharness.sut.cache;

/** A JSON response body and how it was obtained. */
public record CachedBody(String json, CacheOutcome outcome) {
}
