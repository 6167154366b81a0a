package dev.perfharness.cli.footprint;

import dev.perfharness.cli.service.ServiceProcess;
import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness footprint tokens}: heap per live token for each token-manager variant, issued through
 * {@code POST /api/v1/tokens} of a service in its own JVM (seed 003's target: 100 000 tokens in
 * under 50 MB). {@code tokens.max} is raised to the count, so no variant evicts during the measurement.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Heap bytes per live token, per token-manager variant.")
public final class TokenFootprint implements Callable<Integer> {
    private static final List<String> VARIANTS = List.of("per-token-timer", "min-heap", "caffeine");
    private static final int CLIENTS = 4;
    private static final int MAX_RETRIES = 5;

    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--tokens", paramLabel = "VARIANT", split = ",", defaultValue = "per-token-timer,min-heap,caffeine",
            description = "variants to measure (default: all three)")
    List<String> variants;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100000", description = "tokens to issue (default 100000)")
    int count;

    public TokenFootprint(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws Exception {
        if (count < 2 || count > 2_000_000) {
            throw new ParameterException(spec.commandLine(), "--count " + count + " is outside 2 to 2000000");
        }
        for (String variant : variants) {
            if (!VARIANTS.contains(variant.trim().toLowerCase(Locale.ROOT))) {
                throw new ParameterException(spec.commandLine(), "--tokens " + variant + " is not a variant; use " + String.join(", ", VARIANTS));
            }
        }
        settingsOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        List<String> rows = new ArrayList<>();
        for (String variant : variants) {
            String name = variant.trim().toLowerCase(Locale.ROOT);
            out.printf("measuring tokens=%s: %d tokens ...%n", name, count);
            out.flush();
            long perToken = measure(name);
            rows.add("%-16s %10d %16d %16.1f".formatted(name, count, perToken, perToken * (double) count / (1024 * 1024)));
        }
        out.printf("%n%-16s %10s %16s %16s%n", "variant", "tokens", "bytes/token", "MiB for all");
        rows.forEach(out::println);
        out.println("(heap of the service's own JVM after full GCs: the slope from half to all of the tokens; seed 003's target: 100 000 tokens < 50 MB)");
        return 0;
    }

    private long measure(String variant) throws Exception {
        List<String> args = new ArrayList<>(List.of("--set", "tokens=" + variant, "--set", "tokens.max=" + count,
                "--set", "tracker.jobs=0"));
        args.addAll(settingsOptions.asArguments());
        try (ServiceProcess service = ServiceProcess.start(args)) {
            issue(service, count / 2);
            long half = service.heap();
            issue(service, count - count / 2);
            long all = service.heap();
            return (all - half) / (count - count / 2);
        }
    }

    /** Issues {@code n} tokens over a few concurrent clients and keeps none of them. */
    private static void issue(ServiceProcess service, int n) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int share = n / CLIENTS + (c < n % CLIENTS ? 1 : 0);
                done.add(clients.submit(() -> {
                    // One connection per client, kept for the whole run.
                    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        HttpRequest request = HttpRequest.newBuilder(service.base().resolve("/api/v1/tokens"))
                                .timeout(ServiceProcess.STEP_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build();
                        int retries = 0;
                        for (int i = 0; i < share; i++) {
                            HttpResponse<Void> response;
                            try {
                                response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            } catch (IOException closedUnderUs) {
                                // After the full GCs of a heap reading, the JDK client sometimes finds a pooled
                                // connection closed under it. A few extra tokens do not move a slope over 50 000.
                                if (++retries > MAX_RETRIES) {
                                    throw closedUnderUs;
                                }
                                i--;
                                continue;
                            }
                            if (response.statusCode() != 201) {
                                throw new IllegalStateException("POST /api/v1/tokens answered " + response.statusCode());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }
}
