package dev.perfharness.cli.gatling;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.perfharness.cli.service.ServiceProcess;
import dev.perfharness.env.RedisSwitch;
import dev.perfharness.gatling.launch.GatlingLauncher;
import dev.perfharness.gatling.launch.GatlingOutcome;
import dev.perfharness.gatling.launch.GatlingRun;
import dev.perfharness.gatling.records.ClientHistograms;
import dev.perfharness.gatling.records.RequestRecord;
import dev.perfharness.gatling.records.SimulationLog;
import dev.perfharness.gatling.scenarios.TimedAction;
import dev.perfharness.gatling.support.DeliveryLatency;
import dev.perfharness.gatling.support.Knobs;
import dev.perfharness.profiles.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Runs one leg: starts the service in its own JVM with the leg's settings, takes the service's
 * metrics and opens a new interval of its histograms, runs the simulation in a Gatling JVM while
 * carrying out the scenario's timed actions, then collects both sides into the leg's folder:
 *
 * <pre>
 * report/                Gatling's HTML report        client.hlog        Gatling's responses, per request, 1 s intervals
 * simulation.log         Gatling's records            server.hlog        the service's own microsecond histograms
 * metrics-before.prom    /metrics before the load     metrics-after.prom /metrics after it
 * delivery.hlog          WebSocket delivery latency   watch.json, streams.json: the simulation's totals
 * events.json            timed actions, with when they happened    summary.json: the figures below
 * gatling.log            the Gatling JVM's console
 * </pre>
 */
final class LoadRun {
    private static final Duration SLACK = Duration.ofMinutes(2);

    private final ServiceEnvironment environment;
    private final GatlingLauncher launcher;
    private final List<String> gatlingJvmFlags;

    LoadRun(ServiceEnvironment environment, GatlingLauncher launcher, List<String> gatlingJvmFlags) {
        this.environment = environment;
        this.launcher = launcher;
        this.gatlingJvmFlags = gatlingJvmFlags;
    }

    LoadResult execute(LoadLeg leg) throws Exception {
        Path dir = Files.createDirectories(leg.directory());
        List<TimedAction> actions = leg.scenario().actions(leg.knobs());
        Map<String, Double> figures = new LinkedHashMap<>();
        Map<String, Long> eventTimes = new ConcurrentHashMap<>();
        GatlingOutcome outcome;
        MetricsSnapshot before;
        MetricsSnapshot after;
        String serverLog;
        try (ServiceProcess service = ServiceProcess.start(environment.serviceArguments(leg.serviceSettings()))) {
            warmUp(leg, service, dir);
            String metricsText = service.get("/metrics");
            AtomicFiles.writeString(dir.resolve("metrics-before.prom"), metricsText);
            before = MetricsSnapshot.parse(metricsText);
            service.get("/internal/histograms");
            long heapBefore = actions.stream().anyMatch(a -> a.action() == TimedAction.Action.READ_HEAP) ? service.heap() : 0;
            Map<String, String> properties = new LinkedHashMap<>(leg.knobs());
            properties.put(Knobs.BASE_URL, service.base().toString());
            properties.put(Knobs.OUTPUT_DIR, dir.toAbsolutePath().toString());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("load-actions").factory());
            ServerIntervals serverIntervals = new ServerIntervals();
            try {
                // Timed from the simulation's start, not the launch: Gatling's JVM takes seconds to start on a busy machine.
                Runnable scheduleActions = () -> {
                    actions.forEach(action -> timer.schedule(
                            () -> perform(action, service, heapBefore, figures, eventTimes), action.at().toMillis(), TimeUnit.MILLISECONDS));
                    timer.scheduleAtFixedRate(() -> readServerInterval(service, serverIntervals), 1, 1, TimeUnit.SECONDS);
                };
                outcome = launcher.run(new GatlingRun(leg.scenario().simulationClass(), dir.resolve("gatling"), properties, true,
                        leg.scenario().displayName() + " " + leg.variant(), gatlingJvmFlags),
                        leg.scenario().expectedLength(leg.knobs()).plus(SLACK), scheduleActions);
            } finally {
                timer.shutdownNow();
                timer.awaitTermination(30, TimeUnit.SECONDS);
                // Whatever happened, the next leg gets a Redis that runs.
                environment.redisSwitch().ifPresent(RedisSwitch::start);
            }
            serverIntervals.add(service.get("/internal/histograms"));
            serverLog = serverIntervals.log();
            String metricsAfter = service.get("/metrics");
            AtomicFiles.writeString(dir.resolve("server.hlog"), serverLog);
            AtomicFiles.writeString(dir.resolve("metrics-after.prom"), metricsAfter);
            after = MetricsSnapshot.parse(metricsAfter);
        }
        return collect(leg, dir, outcome, before, after, serverLog, figures, eventTimes);
    }

    /** A short run of the same simulation, unmeasured: its records stay in {@code warm-up/}, apart from the results. */
    private void warmUp(LoadLeg leg, ServiceProcess service, Path dir) throws Exception {
        if (leg.warmUp().isZero()) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>(leg.scenario().warmUpKnobs(leg.knobs(), leg.warmUp()));
        properties.put(Knobs.BASE_URL, service.base().toString());
        GatlingOutcome outcome = launcher.run(new GatlingRun(leg.scenario().simulationClass(), dir.resolve("warm-up"), properties, false,
                "warm-up", gatlingJvmFlags), leg.scenario().expectedLength(properties).plus(SLACK));
        if (outcome.crashed()) {
            throw new LoadRunException(leg, "the warm-up run failed (exit " + outcome.exitCode() + "); its console: " + outcome.consoleLog());
        }
    }

    private void perform(TimedAction action, ServiceProcess service, long heapBefore, Map<String, Double> figures,
            Map<String, Long> eventTimes) {
        String name = action.action().name().toLowerCase(java.util.Locale.ROOT);
        try {
            switch (action.action()) {
                case STOP_REDIS -> environment.requireRedisSwitch().stop();
                case START_REDIS -> environment.requireRedisSwitch().start();
                case READ_HEAP -> {
                    double connections = MetricsSnapshot.parse(service.get("/metrics")).sum("ws_connections_active");
                    long heap = service.heap();
                    figures.put("connections held", connections);
                    figures.put("heap per connection (B)", connections == 0 ? 0 : (heap - heapBefore) / connections);
                    ProcessMemory.residentBytes(service.pid()).ifPresent(rss -> figures.put("service RSS (MB)", rss / 1e6));
                }
            }
            eventTimes.put(name, System.currentTimeMillis());
        } catch (Exception e) {
            eventTimes.put(name + " failed: " + e.getMessage(), System.currentTimeMillis());
        }
    }

    private LoadResult collect(LoadLeg leg, Path dir, GatlingOutcome outcome, MetricsSnapshot before, MetricsSnapshot after,
            String serverLog, Map<String, Double> figures, Map<String, Long> eventTimes) throws IOException {
        if (outcome.resultDirectory() == null || !Files.isRegularFile(outcome.simulationLog())) {
            throw new LoadRunException(leg, "Gatling wrote no simulation.log (exit " + outcome.exitCode() + "); its console: "
                    + outcome.consoleLog());
        }
        SimulationLog log = SimulationLog.read(outcome.simulationLog());
        ClientHistograms histograms = ClientHistograms.of(log);
        histograms.writeIntervalLog(dir.resolve("client.hlog"));
        Files.move(outcome.resultDirectory(), dir.resolve("report"));
        Files.move(dir.resolve("report").resolve("simulation.log"), dir.resolve("simulation.log"));

        Map<String, Measured> client = new LinkedHashMap<>();
        for (String name : histograms.requestNames()) {
            var summary = histograms.request(name);
            double seconds = Math.max(1, summary.lastEndEpochMillis() - summary.firstEndEpochMillis()) / 1e3;
            client.put(name, new Measured(summary.okMicros(), summary.koCount(), seconds));
        }
        long lastEnd = log.requests().stream().mapToLong(RequestRecord::endEpochMillis).max().orElse(log.startEpochMillis());
        double window = Math.max(1, lastEnd - log.startEpochMillis()) / 1e3;
        Optional<Measured> delivery = readTotal(dir.resolve(DeliveryLatency.LOG_FILE))
                .map(total -> new Measured(total, 0, window));
        Map<String, Measured> server = new LinkedHashMap<>();
        readTagged(serverLog).forEach((endpoint, histogram) -> server.put(endpoint, new Measured(histogram, 0, window)));

        ServiceFigures.addTo(figures, before, after, histograms.allRequests().count());
        Map<String, Measured> outageWindows = outageWindows(log, lastEnd, eventTimes);
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String side : List.of("watch.json", "streams.json")) {
            Path file = dir.resolve(side);
            if (Files.isRegularFile(file)) {
                totals.put(side.replace(".json", ""), ServiceProcess.JSON.readValue(file.toFile(), Map.class));
            }
        }
        LoadResult result = new LoadResult(leg, outcome, client, delivery, server, figures, outageWindows, totals);
        AtomicFiles.writeString(dir.resolve("events.json"), ServiceProcess.JSON.writeValueAsString(eventTimes));
        AtomicFiles.writeString(dir.resolve("summary.json"),
                ServiceProcess.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result.asJson()));
        return result;
    }

    /** Requests by the window their start fell in: before Redis stopped, while it was down, after it came back. */
    private static Map<String, Measured> outageWindows(SimulationLog log, long lastEnd, Map<String, Long> eventTimes) {
        Long stopped = eventTimes.get("stop_redis");
        Long started = eventTimes.get("start_redis");
        Map<String, Measured> windows = new LinkedHashMap<>();
        if (stopped == null || started == null) {
            return windows;
        }
        windows.put("before outage", window(log, log.startEpochMillis(), stopped));
        windows.put("during outage", window(log, stopped, started));
        windows.put("after outage", window(log, started, lastEnd + 1));
        return windows;
    }

    private static Measured window(SimulationLog log, long from, long to) {
        Histogram micros = new Histogram(3);
        long failed = 0;
        for (RequestRecord request : log.requests()) {
            if (request.startEpochMillis() >= from && request.startEpochMillis() < to) {
                if (request.ok()) {
                    micros.recordValue(request.responseMillis() * 1000);
                } else {
                    failed++;
                }
            }
        }
        return new Measured(micros, failed, Math.max(1, to - from) / 1e3);
    }

    /** All intervals of an hlog file added up, when the file exists. */
    private static Optional<Histogram> readTotal(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Histogram total = new Histogram(3);
        readTagged(Files.readString(file)).values().forEach(total::add);
        return Optional.of(total);
    }

    /** One second's histograms; a read that fails leaves its requests to the next interval, which the next read closes. */
    private static void readServerInterval(ServiceProcess service, ServerIntervals intervals) {
        try {
            intervals.add(service.get("/internal/histograms"));
        } catch (Exception e) {
            System.err.println("perf-harness: reading the service's histograms failed: " + e.getMessage());
        }
    }

    /** An hlog's intervals added up per tag (the untagged ones under ""). */
    static Map<String, Histogram> readTagged(String hlog) {
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(hlog.getBytes(StandardCharsets.UTF_8)));
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            if (interval instanceof Histogram histogram) {
                String tag = histogram.getTag() == null ? "" : histogram.getTag();
                byTag.computeIfAbsent(tag, t -> new Histogram(3)).add(histogram);
            }
        }
        return byTag;
    }

    static final class LoadRunException extends RuntimeException {
        LoadRunException(LoadLeg leg, String message) {
            super(leg.scenario().displayName() + " " + leg.variant() + ": " + message);
        }
    }
}
