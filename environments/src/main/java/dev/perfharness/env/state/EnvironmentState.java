package dev.perfharness.env.state;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.env.Endpoints.Availability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code env up} leaves behind for {@code status}, {@code down} and {@code sut}: which
 * environment runs, the process that holds it, its endpoints, and what to clean up.
 *
 * <p>Flat on purpose: it is a small JSON file a person may read.
 */
public record EnvironmentState(
        String environment,
        long holderPid,
        String redis,
        String docker,
        boolean dockerAvailable,
        String kubernetes,
        boolean kubernetesAvailable,
        String registry,
        boolean registryAvailable,
        List<Long> processes,
        List<String> containers,
        Instant startedAt) {

    public static EnvironmentState of(String environment, long holderPid, Endpoints endpoints, Instant startedAt) {
        return new EnvironmentState(environment, holderPid, endpoints.redis().toString(),
                endpoints.docker().address().orElse(endpoints.docker().note()), endpoints.docker().available(),
                endpoints.kubernetes().address().orElse(endpoints.kubernetes().note()), endpoints.kubernetes().available(),
                endpoints.registry().address().orElse(endpoints.registry().note()), endpoints.registry().available(),
                endpoints.processes(), endpoints.containers(), startedAt);
    }

    public Endpoints endpoints() {
        return new Endpoints(HostAndPort.parse(redis), availability(docker, dockerAvailable),
                availability(kubernetes, kubernetesAvailable), availability(registry, registryAvailable), processes, containers);
    }

    /** Whether the process that holds the environment still runs. */
    public boolean holderAlive() {
        return ProcessHandle.of(holderPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Availability availability(String text, boolean available) {
        if (text == null) {
            // A state written before this endpoint existed.
            return Availability.absent("not recorded: the environment was started by an older harness");
        }
        return available ? new Availability(Optional.of(text), "") : Availability.absent(text);
    }
}
