package dev.perfharness.gatling.records;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of a Gatling {@value #SUPPORTED_GATLING_VERSION} binary {@code simulation.log}: the run
 * header and every request, user and error record, in file order. Group records are read (they must be,
 * to find the next record) but not kept.
 *
 * @param startEpochMillis the run start; every record's time is stored relative to it
 * @param scenarios        scenario names; a {@link UserRecord#scenario()} indexes this list
 */
public record SimulationLog(String gatlingVersion, String simulationClass, long startEpochMillis, String description,
                            List<String> scenarios, List<RequestRecord> requests, List<UserRecord> users,
                            List<ErrorRecord> errors) {
    /**
     * The one Gatling version whose log format this reads. The binary layout is not a public format and
     * may change with any release, so a log of another version is refused rather than misread.
     */
    public static final String SUPPORTED_GATLING_VERSION = "3.15.1";

    public SimulationLog {
        Objects.requireNonNull(gatlingVersion, "gatlingVersion");
        Objects.requireNonNull(simulationClass, "simulationClass");
        Objects.requireNonNull(description, "description");
        scenarios = List.copyOf(scenarios);
        requests = List.copyOf(requests);
        users = List.copyOf(users);
        errors = List.copyOf(errors);
    }

    /**
     * Reads a simulation.log.
     *
     * @throws IOException naming the file: when it was written by another Gatling version, and, with the
     *                     byte offset, when it is truncated, has an unknown record header or refers to a
     *                     cached string it never defined
     */
    public static SimulationLog read(Path file) throws IOException {
        return new SimulationLogReader(file).read();
    }
}
