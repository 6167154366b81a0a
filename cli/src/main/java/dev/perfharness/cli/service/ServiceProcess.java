package dev.perfharness.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfharness.cli.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference service in a JVM of its own ({@code harness sut --port 0 ...}), so that what a
 * footprint measurement counts is the service's heap and nothing of the client's.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI base;
    // HTTP/1.1 only: the service speaks nothing else, and the client then never tries an h2c upgrade.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts {@code harness sut --port 0} with {@code arguments} and waits for its URL. */
    public static ServiceProcess start(List<String> arguments) throws IOException {
        List<String> args = new ArrayList<>(List.of("sut", "--port", "0"));
        args.addAll(arguments);
        Process process = new ProcessBuilder(ChildJvm.detachedHarness(args)).redirectErrorStream(true).start();
        try {
            return new ServiceProcess(process, awaitUrl(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The service's process id, for reading its memory from /proc or attaching a profiler. */
    public long pid() {
        return process.pid();
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** Heap in use after full collections, as the service itself reads it ({@code /internal/heap}). */
    public long heap() throws Exception {
        return JSON.readTree(get("/internal/heap")).path("used_bytes").asLong();
    }

    public String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(STEP_TIMEOUT).build());
    }

    public String post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(STEP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public JsonNode getJson(String path) throws Exception {
        return JSON.readTree(get(path));
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new UncheckedIOException(new IOException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body()));
        }
        return response.body();
    }

    private static URI awaitUrl(Process service) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("reference service: ")) {
                Thread.ofPlatform().daemon().start(() -> drain(lines));
                return URI.create(line.substring("reference service: ".length()).trim());
            }
        }
        throw new IllegalStateException("the service did not start:\n" + String.join("\n", seen));
    }

    /** Reads the service's output to its end, so it never blocks on a full pipe; it ends when the service does. */
    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // the service's log is not needed here
            }
        } catch (IOException closed) {
            // the service stopped
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
