package dev.perfharness.sut.images;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 002's after: one computed auth per registry, reused for {@code registry.auth-ttl} (15 min), then
 * computed again, so a changed password is picked up within one TTL.
 *
 * <p>Keyed by registry, not by image as the seed's map is: every image of a registry has the same
 * credentials, so one entry serves them all and the map stays as small as the number of registries.
 * The seed's entries never expire; here they do, as its {@code ttl} field intends. Concurrent misses on
 * one registry compute once ({@link ConcurrentHashMap#compute} holds the key's bin meanwhile).
 *
 * <p>A hit counts in {@code registry_auth_cache_hits_total{auth="cached"}}.
 *
 * <p>docker-java serialises the {@code AuthConfig} it is given into the header itself on every command,
 * and offers no way to hand it a ready header: the pull saves this computation, not docker-java's own.
 */
public final class CachedAuth implements RegistryAuth {
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AuthComputation computation;
    private final Duration ttl;
    private final Clock clock;
    private final Counter hits;

    CachedAuth(AuthComputation computation, Duration ttl, Clock clock, MeterRegistry meters) {
        this.computation = computation;
        this.ttl = ttl;
        this.clock = clock;
        this.hits = Counter.builder("registry.auth.cache.hits")
                .description("registry auth headers served from the TTL cache")
                .tag("auth", computation.variant())
                .register(meters);
    }

    private record Entry(RegistryCredentials credentials, Instant expires) {
    }

    @Override
    public RegistryCredentials forRegistry(String registry) {
        Instant now = clock.instant();
        Entry cached = entries.get(registry);
        if (cached != null && now.isBefore(cached.expires())) {
            hits.increment();
            return cached.credentials();
        }
        boolean[] computed = new boolean[1];
        Entry fresh = entries.compute(registry, (key, current) -> {
            if (current != null && now.isBefore(current.expires())) {
                return current;
            }
            computed[0] = true;
            return new Entry(computation.compute(key), now.plus(ttl));
        });
        if (!computed[0]) {
            hits.increment();
        }
        return fresh.credentials();
    }

    @Override
    public String name() {
        return computation.variant();
    }
}
