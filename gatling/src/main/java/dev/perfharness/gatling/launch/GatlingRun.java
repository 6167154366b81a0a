package dev.perfharness.gatling.launch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One Gatling run to start.
 *
 * @param simulationClass  the fully qualified simulation class; it must be on the launcher's classpath
 * @param resultsRoot      where Gatling creates the run's result folder; it also gets the console log
 * @param systemProperties simulation knobs and Gatling settings, passed to the child as {@code -Dkey=value}
 * @param htmlReport       false skips the HTML report; simulation.log is written and assertions checked anyway
 * @param description      free text stored in simulation.log and shown in the report; may be empty
 * @param jvmFlags         extra flags for the child JVM, such as {@code -Xmx2g}; may be empty
 */
public record GatlingRun(String simulationClass, Path resultsRoot, Map<String, String> systemProperties,
                         boolean htmlReport, String description, List<String> jvmFlags) {
    private static final Pattern CLASS_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[^\\s=]+");

    public GatlingRun {
        Objects.requireNonNull(simulationClass, "simulationClass");
        Objects.requireNonNull(resultsRoot, "resultsRoot");
        Objects.requireNonNull(description, "description");
        if (!CLASS_NAME.matcher(simulationClass).matches()) {
            throw new IllegalArgumentException("'" + simulationClass + "' is not a fully qualified class name");
        }
        // Sorted, so the same run always gives the same command line.
        Map<String, String> properties = new TreeMap<>();
        systemProperties.forEach((key, value) -> {
            if (key == null || !PROPERTY_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("system property name '" + key + "' is empty or holds '=' or a space");
            }
            properties.put(key, Objects.requireNonNull(value, () -> "system property " + key + " has no value"));
        });
        systemProperties = Collections.unmodifiableMap(properties);
        jvmFlags = List.copyOf(jvmFlags);
        for (String flag : jvmFlags) {
            if (!flag.startsWith("-")) {
                throw new IllegalArgumentException("JVM flag '" + flag + "' does not start with '-'");
            }
        }
    }
}
