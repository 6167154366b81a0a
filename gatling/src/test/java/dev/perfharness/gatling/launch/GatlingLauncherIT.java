package dev.perfharness.gatling.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.perfharness.gatling.records.ClientHistograms;
import dev.perfharness.gatling.records.RequestSummary;
import dev.perfharness.gatling.records.SimulationLog;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.Group;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/** Runs real Gatling simulations in child JVMs against a JDK HttpServer on 127.0.0.1. */
class GatlingLauncherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Every third flaky request fails. */
    private static final int FLAKY_EVERY = 3;
    private static final int USERS = TwoEndpointsSimulation.USERS_PER_SECOND * TwoEndpointsSimulation.SECONDS;
    private static final String DESCRIPTION = "IT: fast & flaky, über 延迟";

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static final AtomicInteger flakyCalls = new AtomicInteger();

    @TempDir
    Path root;

    private final GatlingLauncher launcher = GatlingLauncher.ofThisJvm();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fast", exchange -> respond(exchange, 200));
        server.createContext("/flaky", exchange ->
                respond(exchange, flakyCalls.incrementAndGet() % FLAKY_EVERY == 0 ? 500 : 200));
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void theTestJvmsClasspathIsTheRealOneThoughFailsafeStartsItFromABooterJar() {
        // What GatlingLauncher.ofThisJvm() hands the child: it must hold the simulations and Gatling.
        assertThat(System.getProperty("java.class.path"))
                .contains("test-classes")
                .contains("gatling-app-3.15.1.jar");
    }

    @Test
    void failedAssertionsEndWithExitCode2AndTheLogMatchesGatlingsOwnReader() throws Exception {
        flakyCalls.set(0);
        GatlingOutcome outcome = launcher.run(twoEndpoints(0, false), TIMEOUT);

        int failed = USERS / FLAKY_EVERY;
        assertThat(outcome.exitCode()).as(tail(outcome)).isEqualTo(2);
        assertThat(outcome.assertionsFailed()).isTrue();
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.crashed()).isFalse();
        assertThat(outcome.assertionResults()).containsExactly(
                "Global: count of failed events is less than or equal to 0.0 : false (actual : " + failed + ".0)",
                "fast: percentage of successful events is 100.0 : true (actual : 100.0)");
        assertThat(outcome.resultDirectory().getParent()).isEqualTo(root);
        assertThat(outcome.resultDirectory().getFileName().toString()).matches("twoendpointssimulation-\\d{17}");
        assertThat(outcome.simulationLog()).isEqualTo(outcome.resultDirectory().resolve("simulation.log"));
        assertThat(outcome.resultDirectory().resolve("index.html")).doesNotExist();
        assertThat(outcome.consoleLog()).isEqualTo(root.resolve("gatling.log"));
        // The launcher's logback configuration reached the child: the child's classpath has no other one, and
        // without any logback logs at DEBUG, where Netty alone writes hundreds of lines.
        assertThat(getClass().getClassLoader().getResource("logback.xml")).isNull();
        assertThat(getClass().getClassLoader().getResource("logback-test.xml")).isNull();
        assertThat(Files.readString(outcome.consoleLog())).doesNotContain("DEBUG");

        SimulationLog log = SimulationLog.read(outcome.simulationLog());
        assertThat(log.simulationClass()).isEqualTo(TwoEndpointsSimulation.class.getName());
        assertThat(log.description()).isEqualTo(DESCRIPTION);
        assertThat(log.scenarios()).containsExactly("fast then flaky");
        assertThat(log.users()).hasSize(2 * USERS);
        ClientHistograms histograms = ClientHistograms.of(log);
        assertThat(histograms.requestNames()).containsExactly(TwoEndpointsSimulation.FAST, TwoEndpointsSimulation.FLAKY);
        assertCounts(histograms.request(TwoEndpointsSimulation.FAST), USERS, 0);
        assertCounts(histograms.request(TwoEndpointsSimulation.FLAKY), USERS - failed, failed);
        assertThat(log.requests()).filteredOn(request -> !request.ok())
                .extracting(request -> request.message())
                .containsOnly("status.find.is(200), found 500");

        LogFileData gatlings = new LogFileReader(outcome.simulationLog().toFile(), GatlingConfiguration.load()).read();
        assertSameAsGatling(gatlings, Option.empty(), histograms.allRequests());
        for (String name : histograms.requestNames()) {
            assertSameAsGatling(gatlings, Option.apply(name), histograms.request(name));
        }

        Path hlog = root.resolve("client.hlog");
        histograms.writeIntervalLog(hlog);
        assertThat(totalsByTag(hlog)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "", histograms.allRequests().okCount(),
                "fast", (long) USERS,
                "flaky_page", (long) (USERS - failed)));
    }

    @Test
    void passingAssertionsEndWithExitCode0AndTheHtmlReport() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        GatlingOutcome outcome = launcher.run(twoEndpoints(USERS, true), TIMEOUT, starts::incrementAndGet);

        assertThat(outcome.exitCode()).as(tail(outcome)).isZero();
        assertThat(starts).as("the start callback, once when the simulation started").hasValue(1);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.assertionResults()).hasSize(2).allSatisfy(line -> assertThat(line).contains(" : true (actual : "));
        assertThat(outcome.resultDirectory().resolve("index.html")).isRegularFile();
        assertThat(ClientHistograms.of(SimulationLog.read(outcome.simulationLog())).allRequests().count()).isEqualTo(2 * USERS);
        // The version check's preferences went to the results root, not to $HOME.
        assertThat(root.resolve(".prefs")).isDirectory();
    }

    @Test
    void aCrashEndsWithItsExitCodeAndTheConsoleLogSaysWhy() throws Exception {
        String missing = "dev.perfharness.gatling.launch.NoSuchSimulation";
        AtomicInteger starts = new AtomicInteger();
        GatlingOutcome outcome = launcher.run(new GatlingRun(missing, root, Map.of(), false, "", List.of()), TIMEOUT,
                starts::incrementAndGet);

        assertThat(outcome.crashed()).isTrue();
        assertThat(starts).as("a simulation that never started").hasValue(0);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.resultDirectory()).isNull();
        assertThat(outcome.simulationLog()).isNull();
        assertThat(outcome.assertionResults()).isEmpty();
        assertThat(Files.readString(outcome.consoleLog())).contains(missing);
    }

    @Test
    void aRunThatOutlivesItsTimeoutIsStoppedAndReported() {
        String slow = SlowSimulation.class.getName();
        GatlingRun run = new GatlingRun(slow, root, Map.of(), false, "", List.of());

        assertThatThrownBy(() -> launcher.run(run, Duration.ofSeconds(8)))
                .isInstanceOf(IOException.class)
                .hasMessage("the Gatling run of " + slow + " did not end within 8000 ms and was killed;"
                        + " its console output is in " + root.resolve("gatling.log"));
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(slow)))
                .isEmpty();
    }

    private GatlingRun twoEndpoints(int maxFailed, boolean htmlReport) {
        return new GatlingRun(TwoEndpointsSimulation.class.getName(), root,
                Map.of("it.port", String.valueOf(server.getAddress().getPort()), "it.maxFailed", String.valueOf(maxFailed)),
                htmlReport, DESCRIPTION, List.of("-Xmx512m"));
    }

    private static void assertCounts(RequestSummary summary, long ok, long ko) {
        assertThat(summary.okCount()).as(summary.name() + " OK").isEqualTo(ok);
        assertThat(summary.koCount()).as(summary.name() + " KO").isEqualTo(ko);
        assertThat(summary.okMicros().getTotalCount()).as(summary.name() + " histogram").isEqualTo(ok);
    }

    private static void assertSameAsGatling(LogFileData gatlings, Option<String> name, RequestSummary ours) {
        GeneralStats all = stats(gatlings, name, Option.empty());
        GeneralStats ok = stats(gatlings, name, Option.apply(OK$.MODULE$));
        GeneralStats ko = stats(gatlings, name, Option.apply(KO$.MODULE$));
        assertThat(ours.count()).as(ours.name() + " count").isEqualTo(all.count());
        assertThat(ours.koCount()).as(ours.name() + " KO count").isEqualTo(ko == null ? 0 : ko.count());
        Histogram okMicros = ours.okMicros();
        assertThat(okMicros.valuesAreEquivalent(okMicros.getMaxValue(), ok.max() * 1000L))
                .as("%s max: ours %d us, Gatling's %d ms", ours.name(), okMicros.getMaxValue(), ok.max())
                .isTrue();
    }

    /** Gatling's aggregate for a request (all requests for an empty name) and status; null when there is none. */
    private static GeneralStats stats(LogFileData data, Option<String> name, Option<Status> status) {
        Option<GeneralStats> stats = data.requestGeneralStats(name, Option.<Group>empty(), status);
        return stats.isEmpty() ? null : stats.get();
    }

    /** The OK count per tag over the whole interval log; "" for the untagged histograms. */
    private static Map<String, Long> totalsByTag(Path hlog) throws IOException {
        Map<String, Long> totals = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try {
            for (EncodableHistogram interval; (interval = reader.nextIntervalHistogram()) != null; ) {
                totals.merge(interval.getTag() == null ? "" : interval.getTag(), ((Histogram) interval).getTotalCount(), Long::sum);
            }
        } finally {
            reader.close();
        }
        return totals;
    }

    private static String tail(GatlingOutcome outcome) throws IOException {
        List<String> lines = Files.readAllLines(outcome.consoleLog(), StandardCharsets.UTF_8);
        return "console tail:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
