package dev.perfharness.cli.footprint;


import dev.perfharness.cli.service.ServiceProcess;
import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness footprint}: heap per idle WebSocket connection and per {@code /ws/image-pull-all}
 * subscription, for each job-watch variant. The service runs in a JVM of its own, so the clients'
 * objects are not counted; its heap is read after full collections through {@code /internal/heap}.
 */
@Command(name = "ws", mixinStandardHelpOptions = true,
        description = "Heap bytes per idle WebSocket connection and per multi-watch subscription, per job-watch variant.")
public final class WebSocketFootprint implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--ws", paramLabel = "VARIANT", split = ",", defaultValue = "before,after",
            description = "variants to measure, each in its own service (default: before,after)")
    List<String> variants;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1000", description = "idle connections to open (default 1000)")
    int connections;

    @Option(names = "--subscriptions", paramLabel = "S", defaultValue = "10",
            description = "subscriptions per connection, spread over the service's active jobs (default 10)")
    int subscriptions;

    public WebSocketFootprint(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    record Measurement(String variant, int connections, long subscriptions, int jobsWatched, long bytesPerConnection,
            long bytesPerSubscription) {
    }

    @Override
    public Integer call() throws Exception {
        if (connections > 20_000) {
            throw new ParameterException(spec.commandLine(), "--connections " + connections + " is above 20000");
        }
        if (connections < 2) {
            throw new ParameterException(spec.commandLine(), "--connections " + connections + " is below 2 (figures are slopes between half and all)");
        }
        if (subscriptions < 2 || subscriptions > 100) {
            throw new ParameterException(spec.commandLine(), "--subscriptions " + subscriptions + " is outside 2 to 100 (ws.max-subscriptions)");
        }
        settingsOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        List<Measurement> results = new ArrayList<>();
        for (String variant : variants) {
            String name = variant.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("before") && !name.equals("after")) {
                throw new ParameterException(spec.commandLine(), "--ws " + variant + " is not a variant; use before, after or both");
            }
            out.printf("measuring ws=%s: %d connections x %d subscriptions ...%n", name, connections, subscriptions);
            out.flush();
            results.add(measure(name));
        }
        out.printf("%n%-8s %12s %14s %12s %18s %20s%n", "variant", "connections", "subscriptions", "jobs watched",
                "bytes/connection", "bytes/subscription");
        for (Measurement m : results) {
            out.printf("%-8s %12d %14d %12d %18d %20d%n", m.variant(), m.connections(), m.subscriptions(), m.jobsWatched(),
                    m.bytesPerConnection(), m.bytesPerSubscription());
        }
        out.println("(heap of the service's own JVM after full GCs: the slope from half to all connections and subscriptions;");
        out.println(" seed 001 claims ~2 KB per connection and < 50 B per subscription)");
        return 0;
    }

    /**
     * Each figure is a slope between two loads (half, then all), not a ratio from zero: what the first
     * connections and messages cost once (buffer pools growing, meters, compiled code) cancels out.
     */
    private Measurement measure(String variant) throws Exception {
        List<String> args = new ArrayList<>(List.of("--ws", variant));
        args.addAll(settingsOptions.asArguments());
        try (ServiceProcess service = ServiceProcess.start(args)) {
            URI base = service.base();
            HttpClient http = service.http();
            List<String> jobs = new ArrayList<>();
            service.getJson("/api/v1/images/pull-active").path("jobs").forEach(job -> jobs.add(job.path("id").asText()));
            if (jobs.isEmpty()) {
                throw new IllegalStateException("the service holds no active job to subscribe to; raise tracker.jobs");
            }
            URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/image-pull-all");
            // Every subscription is answered twice: "subscribed", then the job's status.
            CountDownLatch replies = new CountDownLatch(connections * subscriptions * 2);
            List<WebSocket> sockets = new ArrayList<>();

            int halfConnections = connections / 2;
            open(http, ws, replies, sockets, halfConnections);
            long halfConnected = service.heap();
            open(http, ws, replies, sockets, connections - halfConnections);
            long allConnected = service.heap();

            int halfSubscriptions = subscriptions / 2;
            subscribe(sockets, jobs, 0, halfSubscriptions);
            awaitReplies(replies, (long) connections * (subscriptions - halfSubscriptions) * 2);
            long halfSubscribed = service.heap();
            subscribe(sockets, jobs, halfSubscriptions, subscriptions);
            awaitReplies(replies, 0);
            long allSubscribed = service.heap();

            sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "measured"));
            long total = (long) connections * subscriptions;
            long secondHalf = (long) connections * (subscriptions - halfSubscriptions);
            return new Measurement(variant, connections, total, Math.min(jobs.size(), (int) total),
                    (allConnected - halfConnected) / (connections - halfConnections), (allSubscribed - halfSubscribed) / secondHalf);
        }
    }

    private static void open(HttpClient http, URI ws, CountDownLatch replies, List<WebSocket> sockets, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            sockets.add(http.newWebSocketBuilder().buildAsync(ws, new Counting(replies)).get(ServiceProcess.STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** Subscribes connection i to jobs number (i * subscriptions + k) for k in [from, to), spread over the active jobs. */
    private void subscribe(List<WebSocket> sockets, List<String> jobs, int from, int to) {
        for (int i = 0; i < sockets.size(); i++) {
            for (int k = from; k < to; k++) {
                String jobId = jobs.get((i * subscriptions + k) % jobs.size());
                sockets.get(i).sendText("{\"action\":\"subscribe\",\"job_id\":\"" + jobId + "\"}", true).join();
            }
        }
    }

    private static void awaitReplies(CountDownLatch replies, long remaining) throws InterruptedException {
        long deadline = System.nanoTime() + ServiceProcess.STEP_TIMEOUT.toNanos();
        while (replies.getCount() > remaining) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service answered only part of the subscriptions within " + ServiceProcess.STEP_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }






    /** Counts whole messages; keeps none of them, so the client side holds nothing per subscription. */
    private record Counting(CountDownLatch replies) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                replies.countDown();
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
