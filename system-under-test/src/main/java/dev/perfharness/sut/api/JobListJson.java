package dev.perfharness.sut.api;

import dev.perfharness.sut.api.JobListings.ActiveJobs;
import dev.perfharness.sut.api.JobListings.FailedJobs;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.inject.RegressionInjector;

/** The JSON bodies of the job listings, through the service's one mapping ({@link Json#write}), with the injected regression per body. */
public final class JobListJson {
    private final RegressionInjector injector;

    /** @param injector the regression to inject per body ({@code inject.*}); {@link RegressionInjector#NONE} for none */
    public JobListJson(RegressionInjector injector) {
        this.injector = injector;
    }

    /** {@code {"jobs":[...],"count":N}}. */
    public String write(ActiveJobs listing) {
        injector.perOperation();
        return Json.write(listing);
    }

    /** {@code {"jobs":[...],"count":N,"limit":L}}. */
    public String write(FailedJobs listing) {
        injector.perOperation();
        return Json.write(listing);
    }
}
