package dev.perfharness.sut.logs;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where {@code /ws/pod-logs} reads container logs from: a Kubernetes API, a Docker engine, or a
 * generator for throughput runs. The stream logic ({@link PodLogStream}) is the same for all three, so
 * the before/after comparison measures the stream, not the backend.
 *
 * <p>Implementations are thread-safe: every stream calls them from its own virtual thread.
 */
public interface LogSource extends AutoCloseable {

    /** The Kubernetes label a Job controller puts on its pods; the Docker source uses the same label. */
    String JOB_LABEL = "job-name";

    /**
     * The pod of {@code job} whose log can be read now (started, running or finished), the newest when
     * there are several; empty when the job has none yet.
     *
     * @throws LogSourceException when the backend cannot be asked; discovery logs it and asks again
     */
    Optional<String> findJobPod(String namespace, String job);

    /**
     * Opens the log of {@code target}, following it: reads block until the container writes more and
     * return -1 when it has stopped and everything was read.
     *
     * <p>Closing the stream releases the backend's connection and makes a read blocked in another
     * thread return (-1 or an {@link java.io.IOException}) promptly: that is how a stream stops when its
     * client leaves.
     *
     * @param tailLines the last lines to start with; empty for the whole log
     * @throws LogSourceException when the pod or container does not exist or the backend refuses
     */
    InputStream openLog(LogTarget target, OptionalInt tailLines);

    /** Releases the backend client; streams still open may fail afterwards. */
    @Override
    void close();

    /**
     * One container's log.
     *
     * @param container empty for the pod's default (first) container
     */
    record LogTarget(String namespace, String pod, Optional<String> container) {
    }
}
