package dev.perfharness.jmh.json;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.EventCounters;
import dev.perfharness.sut.api.JobListJson;
import dev.perfharness.sut.api.JobListings.ActiveJobs;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.TrackerPrefill;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Seed 001: "Message serialization latency: {@code serialize_duration_ms} - Target: &lt;5ms". A job list of
 * growing size through the service's one JSON mapping ({@link JobListJson#write}, {@link Json#write}), exactly
 * as the {@code pull-active} listing builds the body it caches and {@code JsonResponse.sendRaw} writes
 * ({@code {"jobs":[...],"count":N}}); the service's {@code serialize.duration{kind="job-list"}} timer
 * measures this same call. There is no before and after: the question is where the 5 ms target stops
 * holding as the list grows.
 *
 * <p>The jobs are the tracker's pre-filled ones ({@link TrackerPrefill#jobs} with the service's
 * {@code tracker.seed}): mostly finished pulls of 2 to 5 layers, a tenth failed with an error text. The
 * secondary metric {@code bodyBytes} is the size of one body in UTF-8.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar JobListJsonBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JobListJsonBenchmark {
    @Param({"10", "100", "1000", "10000"})
    public int jobCount;

    private ActiveJobs listing;
    private JobListJson json;

    @Setup
    public void setUp() {
        HarnessSettings settings = BenchmarkSettings.with();
        List<PullJob> jobs = TrackerPrefill.jobs(jobCount, settings.jobs().seed());
        listing = new ActiveJobs(jobs, jobs.size());
        json = new JobListJson(RegressionInjector.of(settings.injection()));
    }

    /**
     * The body's size. JMH zeroes counters before each iteration and sums EVENTS over threads, iterations
     * and forks, so each iteration sets its share of the mean when it ends.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class BodySize {
        public double bodyBytes;

        @TearDown(Level.Iteration)
        public void measure(JobListJsonBenchmark benchmark, BenchmarkParams params) {
            int bytes = Json.write(benchmark.listing).getBytes(StandardCharsets.UTF_8).length;
            bodyBytes = bytes * EventCounters.iterationShare(params);
        }
    }

    /** {@code size} only carries the secondary metric; it is not read here. */
    @Benchmark
    public String activeJobs(BodySize size) {
        return json.write(listing);
    }
}
