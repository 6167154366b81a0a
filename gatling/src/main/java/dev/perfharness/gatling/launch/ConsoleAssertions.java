package dev.perfharness.gatling.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the assertion results in Gatling's console output. Gatling 3.15 writes them nowhere else (no
 * JUnit or JSON file): after reading back its simulation.log it prints one line per assertion,
 * {@code <path>: <target> <condition> : <true|false> (actual : <value>)}, or
 * {@code ... : false (<error>)} when the assertion could not be evaluated.
 */
final class ConsoleAssertions {
    /** Printed just before the assertions are evaluated; earlier lines are the run's live statistics. */
    private static final String LOG_PARSED = "Parsing log file(s) done";
    private static final Pattern RESULT = Pattern.compile(".+ : (true|false) \\(.*\\)");

    private ConsoleAssertions() {
    }

    /** True for a result line of an assertion that did not hold, or could not be evaluated. */
    static boolean failed(String result) {
        Matcher matcher = RESULT.matcher(result);
        return matcher.matches() && matcher.group(1).equals("false");
    }

    static List<String> read(Path consoleLog) throws IOException {
        List<String> lines = new ArrayList<>();
        // InputStreamReader replaces bytes that are no UTF-8 instead of failing on them.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(consoleLog), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return parse(lines);
    }

    static List<String> parse(List<String> consoleLines) {
        int start = 0;
        for (int i = 0; i < consoleLines.size(); i++) {
            if (consoleLines.get(i).startsWith(LOG_PARSED)) {
                start = i + 1;
            }
        }
        if (start == 0) {
            return List.of();
        }
        List<String> results = new ArrayList<>();
        for (String line : consoleLines.subList(start, consoleLines.size())) {
            if (RESULT.matcher(line).matches()) {
                results.add(line);
            }
        }
        return results;
    }
}
