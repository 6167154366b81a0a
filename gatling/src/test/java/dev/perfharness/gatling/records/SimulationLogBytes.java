package dev.perfharness.gatling.records;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes simulation.log bytes the way Gatling 3.15.1's LogFileDataWriter does, so the reader can be tested
 * on logs with exactly the content a test needs, and on broken ones.
 */
final class SimulationLogBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> cache = new HashMap<>();
    private int nextIndex = 1;

    /** A run header with the given version and two opaque assertion blobs, which the reader must skip. */
    static SimulationLogBytes header(String version, String simulationClass, long start, String description,
                                     List<String> scenarios) {
        SimulationLogBytes log = new SimulationLogBytes();
        log.rawByte(0).string(version).string(simulationClass).rawLong(start).string(description);
        log.rawInt(scenarios.size());
        scenarios.forEach(log::string);
        log.rawInt(2);
        log.rawInt(3).rawByte(7).rawByte(8).rawByte(9);
        log.rawInt(0);
        return log;
    }

    static SimulationLogBytes header(long start, List<String> scenarios) {
        return header(SimulationLog.SUPPORTED_GATLING_VERSION, "sim.TestSim", start, "", scenarios);
    }

    SimulationLogBytes request(List<String> groups, String name, int start, int end, boolean ok, String message) {
        rawByte(1);
        groups(groups);
        cachedString(name).rawInt(start).rawInt(end).rawByte(ok ? 1 : 0);
        return cachedString(message);
    }

    SimulationLogBytes user(int scenario, boolean start, int timestamp) {
        return rawByte(2).rawInt(scenario).rawByte(start ? 1 : 0).rawInt(timestamp);
    }

    SimulationLogBytes group(List<String> groups, int start, int end, int cumulated, boolean ok) {
        rawByte(3);
        groups(groups);
        return rawInt(start).rawInt(end).rawInt(cumulated).rawByte(ok ? 1 : 0);
    }

    SimulationLogBytes error(String message, int timestamp) {
        rawByte(4);
        return cachedString(message).rawInt(timestamp);
    }

    private void groups(List<String> groups) {
        rawInt(groups.size());
        groups.forEach(this::cachedString);
    }

    SimulationLogBytes cachedString(String value) {
        Integer index = cache.get(value);
        if (index != null) {
            return rawInt(-index);
        }
        cache.put(value, nextIndex);
        rawInt(nextIndex++);
        return string(value);
    }

    /** As Java stores it: LATIN1 when every char fits a byte, else UTF-16 in native order; then the coder. */
    SimulationLogBytes string(String value) {
        if (value.isEmpty()) {
            return rawInt(0);
        }
        boolean latin1 = value.chars().allMatch(c -> c <= 0xFF);
        byte[] encoded = value.getBytes(latin1 ? StandardCharsets.ISO_8859_1
                : ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        rawInt(encoded.length);
        bytes.writeBytes(encoded);
        return rawByte(latin1 ? 0 : 1);
    }

    SimulationLogBytes rawByte(int value) {
        return write(() -> out.writeByte(value));
    }

    SimulationLogBytes rawInt(int value) {
        return write(() -> out.writeInt(value));
    }

    SimulationLogBytes rawLong(long value) {
        return write(() -> out.writeLong(value));
    }

    int size() {
        return bytes.size();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private SimulationLogBytes write(IoAction action) {
        try {
            action.run();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
