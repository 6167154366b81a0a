package dev.perfharness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run another harness command in a new JVM with this JVM's java and classpath. */
public final class ChildJvm {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildJvm() {
    }

    /**
     * {@code java -cp <this classpath> HarnessMain <args>}, in a session of its own where {@code setsid}
     * exists, so a Ctrl-C or a closed terminal aimed at the parent does not reach it.
     */
    public static List<String> detachedHarness(List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The harness may attach async-profiler to this JVM (profile attach); say it is expected, so JDK 21+
        // does not warn about a dynamically loaded agent in the service's output.
        command.add("-XX:+EnableDynamicAgentLoading");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HarnessMain.class.getName());
        command.addAll(args);
        return command;
    }
}
