package dev.perfharness.cli.gatling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one latency distribution that the table and {@code summary.json} show, in
 * microseconds, with the count they rest on and the throughput over the window they were taken in.
 */
record Distribution(long count, long failed, double perSecond, long p50, long p90, long p99, long p999, long max) {

    static Distribution of(Histogram okMicros, long failed, double seconds) {
        long count = okMicros.getTotalCount();
        return new Distribution(count, failed, seconds <= 0 ? 0 : (count + failed) / seconds,
                okMicros.getValueAtPercentile(50), okMicros.getValueAtPercentile(90), okMicros.getValueAtPercentile(99),
                okMicros.getValueAtPercentile(99.9), okMicros.getMaxValue());
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("failed", failed);
        json.put("per_second", perSecond);
        json.put("p50_us", p50);
        json.put("p90_us", p90);
        json.put("p99_us", p99);
        json.put("p99_9_us", p999);
        json.put("max_us", max);
        return json;
    }
}
