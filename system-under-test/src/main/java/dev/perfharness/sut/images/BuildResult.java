package dev.perfharness.sut.images;

/**
 * What {@code POST /api/v1/images/build} answers.
 *
 * @param imageId       the engine's id of the new image ({@code sha256:...})
 * @param buildContext  the tar variant that sent the context: {@code in-memory} or {@code streamed}
 * @param contextBytes  bytes of the tar the engine received
 */
public record BuildResult(String imageId, String tag, String context, String buildContext, long contextBytes, long durationMillis) {
}
