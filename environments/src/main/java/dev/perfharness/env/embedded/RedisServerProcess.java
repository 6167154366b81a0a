package dev.perfharness.env.embedded;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.env.RedisSwitch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One redis-server process on 127.0.0.1, started and stopped by the harness.
 *
 * <p>It can be stopped and started again on the same port, which is how tests take Redis away
 * from the service and give it back. Persistence is off: the harness measures a cache, not a store.
 */
public final class RedisServerProcess implements RedisSwitch, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);
    private static final String READY_LINE = "Ready to accept connections";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Path binary;
    private final int port;
    private final Path workDir;
    private Process process;
    private boolean paused;

    RedisServerProcess(Path binary, int port) {
        this.binary = binary;
        this.port = port;
        try {
            this.workDir = Files.createTempDirectory("perf-harness-redis-");
        } catch (IOException e) {
            throw new EnvironmentException("cannot create a work folder for redis-server", e);
        }
    }

    /**
     * Starts redis-server and waits until it accepts connections.
     *
     * @throws EnvironmentException when it exits or stays silent for 15 s, with its last output
     */
    @Override
    public synchronized RedisServerProcess start() {
        if (isRunning()) {
            return this;
        }
        List<String> command = List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", workDir.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        awaitReady();
        log.atInfo().addKeyValue("port", port).addKeyValue("pid", process.pid()).log("redis-server started");
        return this;
    }

    /** Stops redis-server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. Idempotent. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // A stopped process would hold SIGTERM until it runs again.
        resume();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.atInfo().addKeyValue("port", port).addKeyValue("pid", process.pid()).log("redis-server stopped");
        process = null;
    }

    /**
     * Freezes redis-server (SIGSTOP): connections stay open and commands get no answer, the way a hung
     * or overloaded Redis looks to a client. Different from {@link #stop()}, where connects are refused
     * at once.
     */
    public synchronized void pause() {
        signal("STOP");
        paused = true;
    }

    /** Lets a paused redis-server run again (SIGCONT); commands queued meanwhile are answered. */
    public synchronized void resume() {
        if (paused) {
            signal("CONT");
            paused = false;
        }
    }

    private void signal(String name) {
        long pid = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -%s %d failed: %s".formatted(name, pid,
                        new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id, while it runs. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        return process.pid();
    }

    public HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.atWarn().addKeyValue("dir", workDir).log("could not remove the redis work folder");
        }
    }

    private void awaitReady() {
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Process started = process;
        Thread.ofVirtual().name("redis-server-output-" + port).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!ready.isDone()) {
                        synchronized (lastLines) {
                            lastLines.addLast(line);
                            if (lastLines.size() > 10) {
                                lastLines.removeFirst();
                            }
                        }
                        if (line.contains(READY_LINE)) {
                            ready.complete(true);
                        }
                    }
                    // Keep draining after start-up so redis-server never blocks on a full pipe.
                }
            } catch (IOException ignored) {
                // The stream closes when the process ends.
            }
            ready.complete(false);
        });
        boolean isReady;
        try {
            isReady = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            isReady = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            isReady = false;
        }
        if (!isReady) {
            process.destroyForcibly();
            process = null;
            String output;
            synchronized (lastLines) {
                output = String.join("\n  ", lastLines);
            }
            throw new EnvironmentException("redis-server on 127.0.0.1:" + port + " did not start; its last output:\n  " + output);
        }
    }
}
