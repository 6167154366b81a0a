package dev.perfharness.sut.jobs;

/**
 * One layer of an image being pulled, as Docker's pull progress reports it.
 *
 * @param current  bytes downloaded so far
 * @param total    bytes in the layer
 * @param status   Docker's wording: "Waiting", "Downloading", "Pull complete", ...
 */
public record LayerProgress(String id, long current, long total, String status) {

    public LayerProgress withProgress(long newCurrent, String newStatus) {
        return new LayerProgress(id, newCurrent, total, newStatus);
    }
}
