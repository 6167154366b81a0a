package dev.perfharness.sut.containers;

import dev.perfharness.sut.output.ContainerOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ContainerOutput} that keeps each line as given, for tests; the real one is another component's. */
final class RecordingOutput implements ContainerOutput {
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    @Override
    public void accept(String source, String line) {
        List<String> of = lines.computeIfAbsent(source, name -> new ArrayList<>());
        synchronized (of) {
            of.add(line);
        }
    }

    @Override
    public void flush() {
        // Lines are kept as they are accepted.
    }

    @Override
    public List<String> lines(String source) {
        List<String> of = lines.get(source);
        if (of == null) {
            return List.of();
        }
        synchronized (of) {
            return List.copyOf(of);
        }
    }

    @Override
    public void forget(String source) {
        lines.remove(source);
    }

    @Override
    public void close() {
        lines.clear();
    }
}
