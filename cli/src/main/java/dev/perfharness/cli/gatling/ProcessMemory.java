package dev.perfharness.cli.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's resident memory from {@code /proc/<pid>/status}: the heap is only part of what a
 * connection costs (a WebSocket's compression state, for one, lives in native memory).
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** VmRSS in bytes; empty where there is no /proc (not Linux) or the process is gone. */
    static Optional<Long> residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
