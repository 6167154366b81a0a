package dev.perfharness.sut.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The in-memory record of every image-pull job, the "service" behind the seeds' job-list endpoints.
 *
 * <p>Listing is a scan over every job held, as in the seed's tracker iteration: its cost grows with the
 * number of jobs (pre-filled by {@code tracker.jobs}), which is the work a cache saves. Jobs are
 * immutable snapshots swapped on change, so a scan never blocks a puller and vice versa.
 *
 * <p>Every change is published to the listeners (the WebSocket watchers) after it is stored.
 */
public final class JobTracker {
    private static final Comparator<PullJob> OLDEST_FIRST = Comparator.comparing(PullJob::createdAt).thenComparing(PullJob::id);
    private static final Comparator<PullJob> NEWEST_FINISHED_FIRST =
            Comparator.comparing(PullJob::finishedAt).thenComparing(PullJob::id).reversed();

    private final ConcurrentHashMap<String, PullJob> jobs = new ConcurrentHashMap<>();
    private final List<Consumer<PullJob>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder scans = new LongAdder();
    private final Clock clock;

    public JobTracker(Clock clock) {
        this.clock = clock;
    }

    /** Records a new pending job for {@code image} and returns it. */
    public PullJob create(String image) {
        PullJob job = PullJob.pending(UUID.randomUUID().toString(), image, clock.instant());
        jobs.put(job.id(), job);
        publish(job);
        return job;
    }

    /** Adds a job as it is, without an event: for pre-filling. */
    void add(PullJob job) {
        jobs.put(job.id(), job);
    }

    public Optional<PullJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public int size() {
        return jobs.size();
    }

    /** Pending and pulling jobs, oldest first. Scans every job. */
    public List<PullJob> active() {
        scans.increment();
        List<PullJob> active = new ArrayList<>();
        for (PullJob job : jobs.values()) {
            if (job.status().active()) {
                active.add(job);
            }
        }
        active.sort(OLDEST_FIRST);
        return active;
    }

    /** The {@code limit} most recently failed jobs, newest first. Scans every job. */
    public List<PullJob> failed(int limit) {
        scans.increment();
        PriorityQueue<PullJob> newest = new PriorityQueue<>(limit + 1, NEWEST_FINISHED_FIRST.reversed());
        for (PullJob job : jobs.values()) {
            if (job.status() == PullState.FAILED) {
                newest.add(job);
                if (newest.size() > limit) {
                    newest.poll();
                }
            }
        }
        List<PullJob> result = new ArrayList<>(newest);
        result.sort(NEWEST_FINISHED_FIRST);
        return result;
    }

    /** How many listings have scanned the jobs: the count a cache should keep low. */
    public long scans() {
        return scans.sum();
    }

    /** Receives every new snapshot, on the thread that made the change. Keep it quick. */
    public void addListener(Consumer<PullJob> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PullJob> listener) {
        listeners.remove(listener);
    }

    /** The progress sink of one job, for its puller. */
    public PullProgress progressOf(String id) {
        return new PullProgress() {
            @Override
            public void layers(List<LayerProgress> layers) {
                change(id, job -> job.status().finished() ? job : job.withLayers(layers, clock.instant()));
            }

            @Override
            public void completed() {
                change(id, job -> job.status().finished() ? job : job.completed(clock.instant()));
            }

            @Override
            public void failed(String reason) {
                change(id, job -> job.status().finished() ? job : job.failed(reason, clock.instant()));
            }
        };
    }

    private void change(String id, UnaryOperator<PullJob> update) {
        PullJob[] changed = new PullJob[1];
        jobs.computeIfPresent(id, (key, job) -> {
            PullJob next = update.apply(job);
            if (next != job) {
                changed[0] = next;
            }
            return next;
        });
        if (changed[0] != null) {
            publish(changed[0]);
        }
    }

    private void publish(PullJob job) {
        for (Consumer<PullJob> listener : listeners) {
            listener.accept(job);
        }
    }
}
