package dev.perfharness.cli;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints;
import dev.perfharness.sut.ReferenceService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness sut}: the reference service on 127.0.0.1, on the environment that is up or on one it
 * starts itself; Ctrl-C or SIGTERM stops the service and whatever this command started.
 */
@Command(name = "sut", description = "Run the reference service until Ctrl-C or SIGTERM.", mixinStandardHelpOptions = true)
public final class SutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default 8080; 0 picks a free one)")
    Integer port;

    @Option(names = "--cache", paramLabel = "VARIANT",
            description = "job-list cache: none (before), aside (seed 001), aside-singleflight (default)")
    String cache;

    @Option(names = "--ws", paramLabel = "VARIANT", description = "job watches: before (polling loops) or after (default, fan-out)")
    String watch;

    @Option(names = "--logs", paramLabel = "VARIANT", description = "pod-log stream: before (no limits) or after (default)")
    String logs;

    public SutCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        if (port != null) {
            flags.put("server.port", port.toString());
        }
        if (cache != null) {
            flags.put("cache", cache);
        }
        if (watch != null) {
            flags.put("ws", watch);
        }
        if (logs != null) {
            flags.put("logs", logs);
        }
        HarnessSettings settings = settingsOptions.load(flags);
        EnvironmentLease environment = EnvironmentLease.acquire(settings, settingsOptions);
        Endpoints endpoints = environment.endpoints();
        HostAndPort redis = endpoints.redis();
        ReferenceService service;
        try {
            service = ReferenceService.start(settings, ServiceBackends.of(endpoints));
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            environment.close();
            stopped.countDown();
        }, "sut-shutdown"));
        var out = spec.commandLine().getOut();
        out.printf("reference service: %s%n", service.url());
        out.printf("redis: redis://%s (%s)%n", redis, environment.description());
        out.printf("variants: cache=%s ws=%s logs=%s (log source: %s); %d jobs pre-filled%n",
                label(settings.cache().variant()), label(settings.watch().variant()), label(settings.podLogs().variant()),
                label(settings.podLogs().source()), service.tracker().size());
        if (service.injection().active()) {
            out.printf("injected regression, per API request: %s%n", service.injection().describe());
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
