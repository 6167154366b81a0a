package dev.perfharness.reports.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run was made on, so that runs of different machines are not compared unawares.
 *
 * @param cpuModel         the CPU's model name from {@code /proc/cpuinfo}; null where there is none
 * @param cores            the processors the JVM may use
 * @param totalMemoryBytes the machine's physical memory
 * @param osName           {@code os.name}
 * @param osVersion        {@code os.version} (the kernel's release on Linux)
 * @param osArch           {@code os.arch}
 */
public record MachineInfo(String cpuModel, int cores, long totalMemoryBytes, String osName, String osVersion, String osArch) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public static MachineInfo current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(cpuModel(CPUINFO), Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    static String cpuModel(Path cpuinfo) {
        try {
            return cpuModel(Files.readAllLines(cpuinfo));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The first {@code model name} (x86) or, failing that, {@code Hardware} or {@code CPU part} (ARM) of cpuinfo's lines. */
    static String cpuModel(List<String> lines) {
        for (String key : List.of("model name", "Hardware", "CPU part")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        }
        return null;
    }
}
