package dev.perfharness.gatling.launch;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a Gatling simulation in a child JVM. Never in-process: Gatling stops logback's context when it
 * finishes, which leaves the host JVM without logging. The child is kept from reaching the internet
 * (Gatling's analytics and its version check against Maven Central), keeps its preferences out of
 * {@code $HOME}, and logs at WARN only.
 */
public final class GatlingLauncher {
    static final String MAIN_CLASS = "io.gatling.app.Gatling";
    static final String CONSOLE_LOG = "gatling.log";
    static final String LOGBACK_RESOURCE = "gatling-logback.xml";
    private static final String SIMULATION_LOG = "simulation.log";
    /** Time the child gets to stop on its own (and flush simulation.log) after a timeout, before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How often the console is read for the start line; an action timed against the load is off by at most this. */
    private static final Duration START_POLL = Duration.ofMillis(20);
    /** Gatling names a run's folder {@code <simulation id>-<yyyyMMddHHmmssSSS>}. */
    private static final String RUN_TIMESTAMP = "-\\d{17}";

    private final Path javaExecutable;
    private final String classpath;

    /**
     * @param javaExecutable the {@code java} to start, a JDK 21 or newer
     * @param classpath      Gatling (gatling-charts-highcharts and its dependencies) and the simulation classes
     */
    public GatlingLauncher(Path javaExecutable, String classpath) {
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.classpath = Objects.requireNonNull(classpath, "classpath");
        if (!Files.isExecutable(javaExecutable)) {
            throw new IllegalArgumentException("the java executable " + javaExecutable + " does not exist or cannot be run");
        }
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("the classpath for Gatling is empty");
        }
    }

    /**
     * A launcher starting the same java as this JVM, with this JVM's classpath. The executable comes from
     * {@code java.home}, not from ProcessHandle's command, which is an application's own launcher when the
     * JVM was started by one. Under Surefire and Failsafe {@code java.class.path} is the test classpath even
     * though the JVM was started from a manifest-only booter jar: the booter puts the real classpath there.
     */
    public static GatlingLauncher ofThisJvm() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        return new GatlingLauncher(java, System.getProperty("java.class.path", ""));
    }

    /**
     * Runs the simulation and waits for it.
     *
     * @return the outcome, also when Gatling crashed (exit code 1)
     * @throws FileAlreadyExistsException when {@code resultsRoot} already holds a result folder of this
     *                                    simulation, which would make the new one ambiguous
     * @throws IOException                when the run does not end within {@code timeout} (the child is killed),
     *                                    or ends without the single new result folder it should have made
     */
    public GatlingOutcome run(GatlingRun run, Duration timeout) throws IOException, InterruptedException {
        return run(run, timeout, () -> { });
    }

    /**
     * Runs the simulation and waits for it, calling {@code onStart} once when the child prints that the
     * simulation started: the JVM's start and the simulation's class loading, a few seconds on a busy machine,
     * are then behind. Something timed against the load (stop Redis at 20 s) counts from there.
     * {@code onStart} runs on this thread and must return quickly; it is not called when the run never starts.
     */
    public GatlingOutcome run(GatlingRun run, Duration timeout, Runnable onStart) throws IOException, InterruptedException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(onStart, "onStart");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        Path root = run.resultsRoot().toAbsolutePath();
        Files.createDirectories(root);
        String simulationId = simulationId(run.simulationClass());
        List<Path> earlier = runDirectories(root, simulationId);
        if (!earlier.isEmpty()) {
            throw new FileAlreadyExistsException(earlier.getFirst().toString(), null, "a result folder of an earlier run of "
                    + run.simulationClass() + "; use a results root without one, so the new run's folder is unambiguous");
        }
        Path console = root.resolve(CONSOLE_LOG);
        Process process = new ProcessBuilder(command(run, root))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        process.getOutputStream().close();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean started = false;
            while (!started && process.isAlive() && System.nanoTime() < deadline) {
                started = SimulationStart.seenIn(console, run.simulationClass());
                if (started) {
                    onStart.run();
                } else {
                    process.waitFor(START_POLL.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                stop(process);
                throw new IOException("the Gatling run of " + run.simulationClass() + " did not end within "
                        + timeout.toMillis() + " ms and was killed; its console output is in " + console);
            }
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
        int exitCode = process.exitValue();
        Path resultDirectory = resultDirectory(root, simulationId, exitCode, run.simulationClass());
        Path simulationLog = resultDirectory == null ? null : resultDirectory.resolve(SIMULATION_LOG);
        if (simulationLog != null && !Files.isRegularFile(simulationLog)) {
            simulationLog = null;
        }
        return new GatlingOutcome(exitCode, resultDirectory, simulationLog, ConsoleAssertions.read(console), console);
    }

    /** The child's command line; the results root must be absolute. */
    List<String> command(GatlingRun run, Path root) {
        Map<String, String> enforced = enforcedProperties(root);
        for (String key : run.systemProperties().keySet()) {
            if (enforced.containsKey(key)) {
                throw new IllegalArgumentException("system property " + key + " is set by the launcher itself"
                        + " and cannot be given for the run of " + run.simulationClass());
            }
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(run.jvmFlags());
        // Gatling 3.13+ reads String internals to write simulation.log; without this the run dies at start.
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        // Netty loads its native transport; newer JDKs warn about that on every start.
        command.add("--enable-native-access=ALL-UNNAMED");
        // The console's percentile lines then include p99.9; the run's properties may change it.
        command.add("-Dgatling.charting.indicators.percentile4=99.9");
        run.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        enforced.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.add("-s");
        command.add(run.simulationClass());
        command.add("-rf");
        command.add(root.toString());
        if (!run.description().isBlank()) {
            // Gatling Base64-decodes a description whenever it decodes, which would garble plain words such as
            // "test"; encoding it ourselves keeps any text (and non-ASCII on any platform) intact.
            command.add("-rd");
            command.add(Base64.getEncoder().encodeToString(run.description().getBytes(StandardCharsets.UTF_8)));
        }
        if (!run.htmlReport()) {
            command.add("-nr");
        }
        return command;
    }

    private static Map<String, String> enforcedProperties(Path root) {
        Map<String, String> properties = new LinkedHashMap<>();
        // Gatling's analytics POST to amplitude.com unless switched off.
        properties.put("gatling.data.enableAnalytics", "false");
        // Its version check (HttpURLConnection to Maven Central, on every run, no switch) goes to a dead
        // local proxy instead; Gatling's Netty HTTP client ignores these properties.
        properties.put("https.proxyHost", "127.0.0.1");
        properties.put("https.proxyPort", "9");
        // The version check caches its answer in Java preferences, under $HOME by default.
        properties.put("java.util.prefs.userRoot", root.resolve(".prefs").toString());
        properties.put("logback.configurationFile", logbackConfiguration());
        // The console log is read back as UTF-8, whatever the machine's locale.
        properties.put("stdout.encoding", "UTF-8");
        properties.put("stderr.encoding", "UTF-8");
        return properties;
    }

    /**
     * Logback takes {@code logback.configurationFile} as a URL first, so the resource's URL works as it is,
     * a {@code file:} URL from target/classes or a {@code jar:} URL from a packaged jar, with no copy to extract.
     */
    private static String logbackConfiguration() {
        URL url = GatlingLauncher.class.getClassLoader().getResource(LOGBACK_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the resource " + LOGBACK_RESOURCE + " is missing from the gatling module's classpath");
        }
        return url.toExternalForm();
    }

    /**
     * The id Gatling gives a simulation, the start of its result folder's name: the simple class name,
     * lower-cased, with everything but ASCII letters, digits and '-' made '-' (Gatling's
     * {@code StringHelper.clean}).
     */
    static String simulationId(String simulationClass) {
        String simpleName = simulationClass.substring(simulationClass.lastIndexOf('.') + 1);
        simpleName = simpleName.substring(simpleName.lastIndexOf('$') + 1);
        return Normalizer.normalize(simpleName, Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\p{InCombiningDiacriticalMarks}+", "-")
                .replaceAll("[^a-zA-Z0-9\\-]", "-");
    }

    private static List<Path> runDirectories(Path root, String simulationId) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(simulationId) + RUN_TIMESTAMP);
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> name.matcher(child.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    private static Path resultDirectory(Path root, String simulationId, int exitCode, String simulationClass)
            throws IOException {
        List<Path> created = runDirectories(root, simulationId);
        if (created.size() > 1) {
            throw new IOException("the run of " + simulationClass + " left " + created.size()
                    + " result folders in " + root + " where one was expected: " + created);
        }
        if (created.isEmpty()) {
            if (exitCode == 0 || exitCode == 2) {
                throw new IOException("the run of " + simulationClass + " ended with exit code " + exitCode
                        + " but created no result folder " + simulationId + "-<timestamp> in " + root);
            }
            return null;
        }
        return created.getFirst();
    }

    /** Asks the child to stop, so it can flush its files, and kills it if it does not in time. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
