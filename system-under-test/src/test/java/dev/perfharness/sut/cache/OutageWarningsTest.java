package dev.perfharness.sut.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutageWarningsTest {
    private static final CacheKey KEY = CacheKey.activeJobs(Duration.ofSeconds(5));
    private static final RuntimeException DOWN = new RuntimeException("connection refused");

    @Test
    void aThousandFailuresInOneIntervalMakeOneWarning() {
        OutageWarnings warnings = new OutageWarnings(Duration.ofHours(1));

        for (int i = 0; i < 1_000; i++) {
            warnings.failed("get", KEY, DOWN);
        }

        assertThat(warnings.warnings()).isEqualTo(1);
    }

    @Test
    void theNextIntervalWarnsAgain() {
        OutageWarnings warnings = new OutageWarnings(Duration.ofMillis(50));
        warnings.failed("get", KEY, DOWN);
        warnings.failed("get", KEY, DOWN);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
            warnings.failed("get", KEY, DOWN);
            return warnings.warnings() == 2;
        });
    }
}
