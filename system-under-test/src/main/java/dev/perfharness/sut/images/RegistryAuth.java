package dev.perfharness.sut.images;

import dev.perfharness.config.ImageSettings;
import dev.perfharness.sut.inject.RegressionInjector;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * The credentials the Docker puller sends to a registry (seed 002, "registry auth caching"): docker-java's
 * {@code AuthConfig} for the registry and its {@code X-Registry-Auth} header, computed for every call
 * ({@link PerCallAuth}, the seed's before) or kept per registry for {@code registry.auth-ttl}
 * ({@link CachedAuth}, the seed's after).
 *
 * <p>Counted in {@code registry_auth_computations_total} and {@code registry_auth_cache_hits_total}.
 */
public interface RegistryAuth {

    /** The credentials for {@code registry} ({@code host:port}). */
    RegistryCredentials forRegistry(String registry);

    /** The variant's name for metrics: {@code per-call} or {@code cached}. */
    String name();

    /**
     * The variant {@code registry.auth} names, with {@code registry.username} and {@code registry.password}.
     *
     * @param injector the regression to inject per lookup ({@code inject.*}), whichever the variant; {@link
     *                 RegressionInjector#NONE} for none
     */
    static RegistryAuth create(ImageSettings settings, MeterRegistry meters, RegressionInjector injector) {
        RegistryAuth auth = switch (settings.auth()) {
            case PER_CALL -> new PerCallAuth(new AuthComputation(settings.username(), settings.password(), "per-call", meters));
            case CACHED -> new CachedAuth(new AuthComputation(settings.username(), settings.password(), "cached", meters),
                    settings.authTtl(), Clock.systemUTC(), meters);
        };
        return injector.active() ? new InjectedAuth(auth, injector) : auth;
    }
}
