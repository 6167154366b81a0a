package dev.perfharness.sut.api;

import dev.perfharness.config.CacheSettings;
import dev.perfharness.sut.cache.CacheKey;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.jobs.JobTracker;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** The two listings of seed 001: what each lists, under which key, with which TTL. */
public final class JobListings {
    private final JobTracker tracker;
    private final ServiceMetrics metrics;
    private final CacheSettings cache;
    private final int maxFailedLimit;
    private final JobListJson json;

    public JobListings(JobTracker tracker, ServiceMetrics metrics, CacheSettings cache, int maxFailedLimit, JobListJson json) {
        this.tracker = tracker;
        this.metrics = metrics;
        this.cache = cache;
        this.maxFailedLimit = maxFailedLimit;
        this.json = json;
    }

    /** {@code {"jobs":[...],"count":N}}. */
    public record ActiveJobs(List<PullJob> jobs, int count) {
    }

    /** {@code {"jobs":[...],"count":N,"limit":L}}, newest failure first. */
    public record FailedJobs(List<PullJob> jobs, int count, int limit) {
    }

    private record Listing(CacheKey key, Supplier<String> loader) implements JobListHandler.Listing {
    }

    public JobListHandler.Listing active(Request request) {
        return new Listing(CacheKey.activeJobs(cache.activeTtl()), () -> {
            List<PullJob> jobs = tracker.active();
            return metrics.timeSerialization("job-list", () -> json.write(new ActiveJobs(jobs, jobs.size())));
        });
    }

    public JobListHandler.Listing failed(Request request) {
        int limit = limit(Request.extractQueryParameters(request));
        return new Listing(CacheKey.failedJobs(limit, cache.failedTtl()), () -> {
            List<PullJob> jobs = tracker.failed(limit);
            return metrics.timeSerialization("job-list", () -> json.write(new FailedJobs(jobs, jobs.size(), limit)));
        });
    }

    private int limit(Fields query) {
        Fields.Field field = query.get("limit");
        String text = field == null ? null : field.getValue();
        if (text == null || text.isBlank()) {
            throw new BadRequest("limit", text, "limit is required, a whole number from 1 to " + maxFailedLimit);
        }
        int limit;
        try {
            limit = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("limit", text, "limit \"%s\" is not a whole number".formatted(text));
        }
        if (limit < 1 || limit > maxFailedLimit) {
            throw new BadRequest("limit", text, "limit %d is outside 1 to %d".formatted(limit, maxFailedLimit));
        }
        return limit;
    }
}
