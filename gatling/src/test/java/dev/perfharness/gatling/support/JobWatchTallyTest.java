package dev.perfharness.gatling.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobWatchTallyTest {

    private static String job(String id, long version, String status) {
        return "{\"id\":\"%s\",\"image\":\"library/busybox:1\",\"status\":\"%s\",\"progress\":50,\"layers\":[],\"created_at\":\"%s\",\"updated_at\":\"%s\",\"version\":%d}"
                .formatted(id, status, Instant.now(), Instant.now(), version);
    }

    @Test
    void endsWhenEveryWatchedJobHasEndedInEitherMessageShape() {
        JobWatchTally tally = new JobWatchTally().watch("a").watch("b");
        long updatesBefore = JobWatchTally.totals().get("updates");

        assertThat(tally.observe("{\"type\":\"subscribed\",\"job_id\":\"a\"}")).isFalse();
        assertThat(tally.observe(job("a", 1, "pulling"))).isFalse();
        assertThat(tally.observe("{\"type\":\"status\",\"job\":" + job("a", 2, "completed") + "}")).isFalse();
        assertThat(tally.observe(job("b", 5, "failed"))).isTrue();

        assertThat(JobWatchTally.totals().get("updates") - updatesBefore).isEqualTo(3);
    }

    @Test
    void countsVersionsThatNeverArrived() {
        JobWatchTally tally = new JobWatchTally().watch("c");
        long skippedBefore = JobWatchTally.totals().get("skipped_versions");

        tally.observe(job("c", 1, "pulling"));
        tally.observe(job("c", 4, "pulling"));

        assertThat(JobWatchTally.totals().get("skipped_versions") - skippedBefore).isEqualTo(2);
    }

    @Test
    void aFrameThatIsNotJsonIsNamed() {
        assertThatThrownBy(() -> new JobWatchTally().observe("hello"))
                .hasMessageContaining("not JSON from a watch endpoint: hello");
    }
}
