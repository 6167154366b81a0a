package dev.perfharness.cli;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Environment;
import dev.perfharness.env.Environments;
import dev.perfharness.env.RedisSwitch;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.util.Optional;

/**
 * The environment a command works against: the one {@code harness env up} holds, when it is alive and of
 * the kind asked for, or else one started for this command alone. Closing the lease stops only what the
 * lease started.
 */
public final class EnvironmentLease implements AutoCloseable {
    private final String name;
    private final Endpoints endpoints;
    private final Optional<Environment> owned;
    private final String description;

    private EnvironmentLease(String name, Endpoints endpoints, Optional<Environment> owned, String description) {
        this.name = name;
        this.endpoints = endpoints;
        this.owned = owned;
        this.description = description;
    }

    public static EnvironmentLease acquire(HarnessSettings settings, SettingsOptions options) {
        Optional<EnvironmentState> up = new StateFile(settings.stateDir()).read()
                .filter(EnvironmentState::holderAlive)
                .filter(state -> state.environment().equals(settings.environment().label())
                        || options.explicitEnvironment().isEmpty());
        if (up.isPresent()) {
            return new EnvironmentLease(up.get().environment(), up.get().endpoints(), Optional.empty(),
                    "the " + up.get().environment() + " environment that is up");
        }
        Environment started = Environments.start(settings);
        return new EnvironmentLease(started.name().label(), started.endpoints(), Optional.of(started),
                "started for this run (" + settings.environment().label() + "); it stops at the end");
    }

    /**
     * As {@link #acquire(HarnessSettings, SettingsOptions)}; when {@code controlsRedis}, always an environment
     * started for this run alone, whose Redis the run may stop and start (never one another process holds).
     *
     * @throws IllegalStateException when Redis must be controlled and the environment cannot stop it
     */
    public static EnvironmentLease acquire(HarnessSettings settings, SettingsOptions options, boolean controlsRedis) {
        if (!controlsRedis) {
            return acquire(settings, options);
        }
        Environment own = Environments.start(settings);
        if (own.redisSwitch().isEmpty()) {
            own.close();
            throw new IllegalStateException("CacheOutage stops and restarts Redis, which the " + own.name().label()
                    + " environment cannot do; run it with --env embedded");
        }
        return new EnvironmentLease(own.name().label(), own.endpoints(), Optional.of(own),
                "started for this run (" + own.name().label() + ", Redis under the run's control); it stops at the end");
    }

    /** embedded, testcontainers or external. */
    public String name() {
        return name;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** "the embedded environment that is up" or "started for this run (embedded); ...". */
    public String description() {
        return description;
    }

    /** The Redis switch of the environment this lease started; empty for one held by another process. */
    public Optional<RedisSwitch> redisSwitch() {
        return owned.flatMap(Environment::redisSwitch);
    }

    @Override
    public void close() {
        owned.ifPresent(Environment::close);
    }
}
