package dev.perfharness.gatling.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Gatling's console line {@code Simulation <class> started...}, printed when the injection begins. The
 * launcher polls the console for it while the child's JVM starts up.
 */
final class SimulationStart {
    private SimulationStart() {
    }

    static String line(String simulationClass) {
        return "Simulation " + simulationClass + " started...";
    }

    static boolean seenIn(Path consoleLog, String simulationClass) throws IOException {
        String text;
        try {
            // The console is a few lines long until the simulation starts: reading it whole is cheap.
            text = new String(Files.readAllBytes(consoleLog), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        }
        return text.contains(line(simulationClass));
    }
}
