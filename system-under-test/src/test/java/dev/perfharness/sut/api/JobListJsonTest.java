package dev.perfharness.sut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfharness.config.InjectionSettings;
import dev.perfharness.sut.api.JobListings.ActiveJobs;
import dev.perfharness.sut.api.JobListings.FailedJobs;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.inject.AllocatedBytes;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.TrackerPrefill;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobListJsonTest {
    private static final int INJECTED_BYTES = 65_536;
    private final List<PullJob> jobs = TrackerPrefill.jobs(10, 42);
    private final JobListJson plain = new JobListJson(RegressionInjector.NONE);
    private final JobListJson injected = new JobListJson(RegressionInjector.of(new InjectionSettings(Duration.ZERO, INJECTED_BYTES)));

    @Test
    void theBodiesAreTheServicesJson() {
        ActiveJobs active = new ActiveJobs(jobs, jobs.size());
        FailedJobs failed = new FailedJobs(jobs, jobs.size(), 50);

        assertThat(injected.write(active)).isEqualTo(plain.write(active)).isEqualTo(Json.write(active));
        assertThat(injected.write(failed)).isEqualTo(plain.write(failed)).isEqualTo(Json.write(failed));
    }

    @Test
    void everyBodyAllocatesTheInjectedBytesOnTopOfItsOwn() {
        ActiveJobs active = new ActiveJobs(jobs, jobs.size());
        FailedJobs failed = new FailedJobs(jobs, jobs.size(), 50);

        assertThat(AllocatedBytes.perCall(2_000, () -> injected.write(active)) - AllocatedBytes.perCall(2_000, () -> plain.write(active)))
                .isCloseTo(INJECTED_BYTES, within(INJECTED_BYTES * 0.05));
        assertThat(AllocatedBytes.perCall(2_000, () -> injected.write(failed)) - AllocatedBytes.perCall(2_000, () -> plain.write(failed)))
                .isCloseTo(INJECTED_BYTES, within(INJECTED_BYTES * 0.05));
    }
}
