package dev.perfharness.sut.output;

import java.util.List;

/**
 * Where container output lines go (seed 002's LogAggregator): each raw line is prefixed with its
 * source (the {@code log-format} variant) and handled at once or in batches (the {@code aggregator}
 * variant). Lines of a source can be read back, for {@code GET /api/v1/containers/runs/{id}}.
 */
public interface ContainerOutput extends AutoCloseable {

    /** Accepts one raw line from {@code source} (a container or run name). May block when the aggregator is full and set to block. */
    void accept(String source, String line);

    /** Returns once every line accepted before the call has been handled. */
    void flush();

    /** The formatted lines of {@code source} handled so far, oldest first. */
    List<String> lines(String source);

    /** Forgets a source's lines. */
    void forget(String source);

    @Override
    void close();
}
