package dev.perfharness.sut.logs;

import dev.perfharness.config.PodLogSettings;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Generated logs for throughput runs ({@code logs.source=synthetic}): no cluster, no engine, and a
 * generator cheap enough that the stream itself is what gets measured (the seed claims 4 MB/s).
 *
 * <p>Every stream is the same {@link SyntheticLog} of {@code logs.synthetic-lines} lines of
 * {@code logs.synthetic-line-bytes} bytes at {@code logs.synthetic-rate} lines per second.
 *
 * <p>Discovery is deterministic so that load generators can exercise each path over the wire: every job
 * has one pod, {@code <job>-0}, except jobs whose name starts with {@value #ABSENT_PREFIX}, which never
 * get one (the discovery-timeout path). Pods whose name starts with {@value #ABSENT_PREFIX} do not exist
 * either (the open-failure path). Namespaces and containers are accepted as given.
 */
public final class SyntheticLogSource implements LogSource {
    /** Jobs and pods whose name starts with this do not exist. */
    public static final String ABSENT_PREFIX = "missing";

    private final byte[] template;
    private final int lines;
    private final int linesPerSecond;

    public SyntheticLogSource(int lines, int lineBytes, int linesPerSecond) {
        if (lines < 1 || lineBytes < 1 || linesPerSecond < 0) {
            throw new IllegalArgumentException("synthetic log: lines %d and line bytes %d must be positive, rate %d not negative"
                    .formatted(lines, lineBytes, linesPerSecond));
        }
        this.template = SyntheticLog.template(lineBytes);
        this.lines = lines;
        this.linesPerSecond = linesPerSecond;
    }

    public static SyntheticLogSource from(PodLogSettings settings) {
        return new SyntheticLogSource(settings.syntheticLines(), settings.syntheticLineBytes(), settings.syntheticLinesPerSecond());
    }

    /** The pod name discovery returns for {@code job}. */
    public static String podOf(String job) {
        return job + "-0";
    }

    @Override
    public Optional<String> findJobPod(String namespace, String job) {
        return job.startsWith(ABSENT_PREFIX) ? Optional.empty() : Optional.of(podOf(job));
    }

    @Override
    public InputStream openLog(LogTarget target, OptionalInt tailLines) {
        if (target.pod().startsWith(ABSENT_PREFIX)) {
            throw new LogSourceException("pod %s not found in namespace %s".formatted(target.pod(), target.namespace()));
        }
        int first = tailLines.isPresent() ? Math.max(0, lines - tailLines.getAsInt()) : 0;
        return new SyntheticLog(template, lines, linesPerSecond, first);
    }

    @Override
    public void close() {
        // Nothing held: each stream owns its own line buffer.
    }
}
