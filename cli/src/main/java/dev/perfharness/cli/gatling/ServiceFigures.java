package dev.perfharness.cli.gatling;

import static dev.perfharness.cli.gatling.MetricsSnapshot.label;

import java.util.Map;

/** Figures of the load window from two scrapes of the service's metrics, one before and one after. */
final class ServiceFigures {
    private ServiceFigures() {
    }

    static void addTo(Map<String, Double> figures, MetricsSnapshot before, MetricsSnapshot after, long requests) {
        for (String family : new String[] {"active", "failed"}) {
            double hits = delta(before, after, "cache_hits_total", family);
            double misses = delta(before, after, "cache_misses_total", family);
            if (hits + misses > 0) {
                figures.put("cache hit ratio (" + family + ")", hits / (hits + misses));
            }
        }
        double bypassed = after.sum("cache_bypassed_total") - before.sum("cache_bypassed_total");
        if (bypassed > 0) {
            figures.put("requests that skipped a down Redis", bypassed);
        }
        double cacheErrors = after.sum("cache_errors_total") - before.sum("cache_errors_total");
        if (after.has("cache_errors_total")) {
            figures.put("Redis errors and timeouts", cacheErrors);
        }
        figures.put("GC pauses", after.sum("jvm_gc_pause_seconds_count") - before.sum("jvm_gc_pause_seconds_count"));
        figures.put("GC pause total (ms)", 1e3 * (after.sum("jvm_gc_pause_seconds_sum") - before.sum("jvm_gc_pause_seconds_sum")));
        double allocated = after.sum("jvm_threads_allocated_bytes_total") - before.sum("jvm_threads_allocated_bytes_total");
        figures.put("allocated (MB)", allocated / 1e6);
        if (requests > 0) {
            figures.put("allocated per client request (KB)", allocated / requests / 1e3);
        }
        figures.put("heap used at end (MB)", after.sum("jvm_memory_used_bytes", label("area", "heap")) / 1e6);
        if (after.has("process_cpu_time_ns_total")) {
            figures.put("process CPU (s)", (after.sum("process_cpu_time_ns_total") - before.sum("process_cpu_time_ns_total")) / 1e9);
        }
    }

    private static double delta(MetricsSnapshot before, MetricsSnapshot after, String name, String family) {
        return after.sum(name, label("family", family)) - before.sum(name, label("family", family));
    }
}
