package dev.perfharness.sut.containers;

import dev.perfharness.config.WorkerSettings;
import dev.perfharness.sut.containers.ContainerSteps.Ending;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.output.ContainerOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container runs on the worker pool (seed 002): {@code POST /api/v1/containers/run} queues a short-lived
 * container (busybox unless told otherwise) on the pool that {@code workers} names, and
 * {@code GET /api/v1/containers/runs/{runId}} follows it. Each run is created, started, waited for, read
 * and removed through {@link DockerApi}, so it also exercises the Docker client variant and its timeouts.
 *
 * <p>Every accepted run ends as completed, failed or cancelled, with a reason. On shutdown the pool takes
 * nothing new (503), queued runs are cancelled at once ("shut down before the run started"), running runs
 * get the grace period to finish, then are interrupted and end cancelled after their container is removed.
 * The latest {@link #KEPT_ENDED_RUNS} ended runs are kept for reading; older ones are forgotten, output too.
 * The {@link DockerApi} and the {@link ContainerOutput} belong to the caller, who closes them after this.
 */
public final class ContainerRuns implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContainerRuns.class);

    public static final String SUBMIT_PATH = "/api/v1/containers/run";
    public static final String RUNS_PREFIX = "/api/v1/containers/runs/";
    /** Containers are named this plus the run id. */
    public static final String DEFAULT_NAME_PREFIX = "ph-run-";
    /** How long {@link #close()} lets running runs finish before interrupting them. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    static final int KEPT_ENDED_RUNS = 10_000;
    /** After the interrupt, time for a run to remove its container (one REMOVE call) and end. */
    private static final Duration CLEANUP_GRACE = Duration.ofSeconds(30);

    private final WorkerPool pool;
    private final ContainerSteps steps;
    private final ContainerOutput output;
    private final RunMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final Handler submitHandler;
    private final Handler runHandler;
    private final Map<String, ContainerRun> runs = new ConcurrentHashMap<>();
    private final Queue<String> ended = new ConcurrentLinkedQueue<>();
    private final AtomicInteger endedCount = new AtomicInteger();
    private volatile boolean closed;

    public ContainerRuns(WorkerSettings settings, DockerApi docker, ContainerOutput output, String busyboxImage, ServiceMetrics metrics) {
        this(settings, docker, output, busyboxImage, metrics, DEFAULT_NAME_PREFIX);
    }

    /** @param namePrefix what container names start with, then the run id (tests use {@code ph-test-}) */
    public ContainerRuns(WorkerSettings settings, DockerApi docker, ContainerOutput output, String busyboxImage, ServiceMetrics metrics,
            String namePrefix) {
        this.pool = WorkerPools.create(settings, "container-run");
        this.steps = new ContainerSteps(docker, output, namePrefix);
        this.output = output;
        this.metrics = new RunMetrics(metrics, pool);
        this.submitHandler = new SubmitRunHandler(this, busyboxImage);
        this.runHandler = new RunStatusHandler(this);
    }

    /** Serves {@code POST} {@value #SUBMIT_PATH}. */
    public Handler submitHandler() {
        return submitHandler;
    }

    /** Serves {@code GET} {@value #RUNS_PREFIX}{@code {runId}}. */
    public Handler runHandler() {
        return runHandler;
    }

    /**
     * Queues a run.
     *
     * @return the run as accepted: queued, with no output yet
     * @throws WorkRejected when the queue is full or the service is shutting down
     */
    public RunView submit(RunRequest request) {
        if (closed) {
            metrics.refused(WorkRejected.Why.SHUTTING_DOWN);
            throw WorkRejected.shuttingDown(pool.queueSize());
        }
        ContainerRun run = new ContainerRun(UUID.randomUUID().toString(), request, clock.instant());
        // Taken before a worker can start it: the answer says how it was accepted.
        RunView accepted = run.view(List.of());
        runs.put(run.id(), run);
        try {
            pool.execute(() -> work(run));
        } catch (WorkRejected rejected) {
            runs.remove(run.id());
            metrics.refused(rejected.why());
            throw rejected;
        }
        return accepted;
    }

    /** The run with its output so far; empty for an unknown (or long forgotten) id. */
    public Optional<RunView> find(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(run -> run.view(output.lines(run.id())));
    }

    /** Workers, or runs at a time. */
    public int workers() {
        return pool.workers();
    }

    private void work(ContainerRun run) {
        if (!run.start(clock.instant())) {
            return;
        }
        metrics.started(run.queueWait());
        Ending ending;
        try {
            ending = steps.perform(run);
        } catch (RuntimeException e) {
            log.atError().setCause(e).addKeyValue("run", run.id()).log("a container run failed unexpectedly");
            ending = new Ending(RunStatus.FAILED, null, "the run failed unexpectedly: " + e);
        }
        end(run, ending);
    }

    private void end(ContainerRun run, Ending ending) {
        if (!run.finish(ending.status(), ending.exitCode(), ending.error(), clock.instant())) {
            return;
        }
        metrics.ended(ending.status(), run.runTime());
        log.atDebug()
                .addKeyValue("run", run.id())
                .addKeyValue("status", ending.status().label())
                .addKeyValue("exit_code", ending.exitCode())
                .log(ending.error() == null ? "container run ended" : ending.error());
        ended.add(run.id());
        if (endedCount.incrementAndGet() > KEPT_ENDED_RUNS) {
            String oldest = ended.poll();
            if (oldest != null) {
                endedCount.decrementAndGet();
                runs.remove(oldest);
                output.forget(oldest);
            }
        }
    }

    /**
     * Stops taking runs, cancels queued ones, lets running ones finish within {@code grace}, then interrupts
     * them; returns once every run has ended (or, if a removal hangs, after marking it cancelled).
     */
    public void shutdown(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        pool.shutdown();
        int cancelled = cancelAll(RunStatus.QUEUED, "the service shut down before the run started");
        int interrupted = 0;
        try {
            if (!pool.awaitTermination(grace)) {
                interrupted = (int) runs.values().stream().filter(run -> run.status() == RunStatus.RUNNING).count();
                pool.interruptRunning();
                pool.awaitTermination(CLEANUP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.interruptRunning();
        }
        int abandoned = cancelAll(RunStatus.RUNNING, "the service shut down and the run did not stop within %s; its container may be left on the engine"
                .formatted(grace.plus(CLEANUP_GRACE)));
        log.atInfo()
                .addKeyValue("cancelled_queued", cancelled)
                .addKeyValue("interrupted_running", interrupted)
                .addKeyValue("abandoned", abandoned)
                .log("container runs shut down");
    }

    private int cancelAll(RunStatus status, String reason) {
        int count = 0;
        for (ContainerRun run : runs.values()) {
            if (run.status() == status) {
                end(run, new Ending(RunStatus.CANCELLED, null, reason));
                count++;
            }
        }
        return count;
    }

    /** {@link #shutdown(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        shutdown(DEFAULT_GRACE);
        metrics.close();
    }
}
