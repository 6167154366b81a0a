package dev.perfharness.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (Prometheus) and {@code /internal/histograms} (HdrHistogram log). */
class ObservabilityIT {

    @Test
    void metricsShowTheCacheTheWebSocketsAndTheEndpoints() {
        try (TestService service = TestService.start(Map.of("cache", "aside"))) {
            service.http().get("/api/v1/images/pull-active");
            org.awaitility.Awaitility.await().until(() ->
                    service.http().get("/api/v1/images/pull-active").headers().firstValue("X-Cache").orElse("").equals("hit"));
            WebSocketProbe watch = WebSocketProbe.connect(service.webSocketUrl("/ws/image-pull-all"));
            watch.send("{\"action\":\"ping\"}");
            watch.next();

            String metrics = service.http().get("/metrics").body();

            assertThat(metrics)
                    .contains("cache_hits_total{family=\"active\"}")
                    .contains("cache_misses_total{family=\"active\"} 1.0")
                    .contains("cache_hit_ratio{family=\"active\"}")
                    .contains("ws_connections_active{endpoint=\"/ws/image-pull-all\"} 1.0")
                    .contains("ws_watchers_active{variant=\"after\"} 0.0")
                    .contains("serialize_duration_seconds_count{kind=\"job-list\"} 1")
                    .contains("http_server_requests_seconds_bucket{endpoint=\"/api/v1/images/pull-active\"")
                    .contains("pod_discovery_timeouts_total");
            watch.close();
        }
    }

    @Test
    void histogramsAreIntervalLogsInMicrosecondsPerEndpoint() {
        try (TestService service = TestService.start(Map.of("cache", "none"))) {
            for (int i = 0; i < 25; i++) {
                service.http().get("/api/v1/images/pull-active");
            }
            service.http().get("/api/v1/images/pull-failed?limit=5");

            Map<String, Histogram> first = read(service.http().get("/internal/histograms").body());
            Map<String, Histogram> second = read(service.http().get("/internal/histograms").body());

            assertThat(first.get("/api/v1/images/pull-active").getTotalCount()).isEqualTo(25);
            assertThat(first.get("/api/v1/images/pull-failed").getTotalCount()).isEqualTo(1);
            // A listing of 2 000 jobs takes more than a microsecond and less than a second.
            assertThat(first.get("/api/v1/images/pull-active").getValueAtPercentile(50)).isBetween(2L, 1_000_000L);
            assertThat(second.get("/api/v1/images/pull-active").getTotalCount()).isZero();
            assertThat(second.get("/api/v1/images/pull-active").getStartTimeStamp())
                    .isGreaterThanOrEqualTo(first.get("/api/v1/images/pull-active").getEndTimeStamp());
        }
    }

    @Test
    void anInjectedRegressionIsInsideEveryApiRequestsRecordedLatency() {
        try (TestService service = TestService.start(Map.of("cache", "none", "inject.cpu", "20ms"))) {
            for (int i = 0; i < 5; i++) {
                service.http().get("/api/v1/images/pull-active");
            }
            service.http().get("/api/v1/images/pull-failed?limit=5");

            Map<String, Histogram> histograms = read(service.http().get("/internal/histograms").body());

            assertThat(service.service().injection().describe()).isEqualTo("inject.cpu=20ms inject.alloc=0");
            // A lower bound only: the spin takes at least its time, however busy the machine.
            assertThat(histograms.get("/api/v1/images/pull-active").getMinValue()).isGreaterThanOrEqualTo(20_000L);
            assertThat(histograms.get("/api/v1/images/pull-failed").getMinValue()).isGreaterThanOrEqualTo(20_000L);
        }
    }

    private static Map<String, Histogram> read(String log) {
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        Map<String, Histogram> byTag = new HashMap<>();
        EncodableHistogram histogram;
        while ((histogram = reader.nextIntervalHistogram()) != null) {
            byTag.put(histogram.getTag(), (Histogram) histogram);
        }
        return byTag;
    }
}
