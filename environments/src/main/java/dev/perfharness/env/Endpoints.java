package dev.perfharness.env;

import dev.perfharness.config.HostAndPort;
import java.util.List;
import java.util.Optional;

/**
 * Where an environment's services answer.
 *
 * @param redis       Redis, always present
 * @param docker      the Docker engine, or why there is none ("not run: no engine")
 * @param kubernetes  the Kubernetes API, or why there is none
 * @param registry    the image registry the Docker puller pulls from ({@code host:port}), or why there is none
 * @param processes   operating-system processes the environment started (embedded redis-server), for clean-up
 * @param containers  container ids the environment started, for clean-up
 */
public record Endpoints(
        HostAndPort redis,
        Availability docker,
        Availability kubernetes,
        Availability registry,
        List<Long> processes,
        List<String> containers) {

    public Endpoints {
        processes = List.copyOf(processes);
        containers = List.copyOf(containers);
    }

    /** A service that is there at an address, or is not there for a stated reason. */
    public record Availability(Optional<String> address, String note) {

        public static Availability at(String address, String note) {
            return new Availability(Optional.of(address), note);
        }

        public static Availability absent(String reason) {
            return new Availability(Optional.empty(), reason);
        }

        public boolean available() {
            return address.isPresent();
        }

        /** "unix:///var/run/docker.sock (local engine)" or "not run: no engine". */
        public String describe() {
            return address.map(a -> note.isEmpty() ? a : a + " (" + note + ")").orElse(note);
        }
    }
}
