package dev.perfharness.sut.cache;

import dev.perfharness.sut.ServiceClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Dashboards polling an endpoint back to back for a while: bounded in count of clients and in time. */
final class Pollers {
    record Result(int status, String cache, long micros) {
    }

    private Pollers() {
    }

    static List<Result> poll(ServiceClient client, String path, int clients, Duration duration) throws InterruptedException {
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = client.get(path);
                        results.add(new Result(response.statusCode(), response.headers().firstValue("X-Cache").orElse(""),
                                TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started)));
                    }
                });
            }
        }
        return results;
    }

    static long percentileMicros(List<Result> results, double percentile) {
        long[] sorted = results.stream().mapToLong(Result::micros).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1)];
    }
}
