package dev.perfharness.cli.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsSnapshotTest {
    private static final String SCRAPE = """
            # HELP cache_hits_total requests answered from Redis
            # TYPE cache_hits_total counter
            cache_hits_total{family="active"} 97.0
            cache_hits_total{family="failed"} 3.0
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            ws_connections_active 12.0
            """;

    @Test
    void sumsSeriesByNameAndLabel() {
        MetricsSnapshot snapshot = MetricsSnapshot.parse(SCRAPE);

        assertThat(snapshot.sum("cache_hits_total")).isEqualTo(100.0);
        assertThat(snapshot.sum("cache_hits_total", MetricsSnapshot.label("family", "active"))).isEqualTo(97.0);
        assertThat(snapshot.sum("jvm_memory_used_bytes", MetricsSnapshot.label("area", "heap"))).isEqualTo(1.048576E7);
        assertThat(snapshot.sum("ws_connections_active")).isEqualTo(12.0);
        assertThat(snapshot.has("cache_hits")).isFalse();
        assertThat(snapshot.sum("absent_total")).isZero();
    }

    @Test
    void aLineThatIsNotASampleIsNamed() {
        assertThatThrownBy(() -> MetricsSnapshot.parse("ws_connections_active twelve"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ws_connections_active twelve");
    }
}
