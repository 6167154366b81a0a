package dev.perfharness.cli;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Environment;
import dev.perfharness.env.Environments;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import dev.perfharness.sut.ReferenceService;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    public SutCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        if (port != null) {
            flags.put("server.port", port.toString());
        }
        HarnessSettings settings = settingsOptions.load(flags);
        Optional<EnvironmentState> up = new StateFile(settings.stateDir()).read()
                .filter(EnvironmentState::holderAlive)
                .filter(state -> state.environment().equals(settings.environment().label())
                        || settingsOptions.explicitEnvironment().isEmpty());
        Optional<Environment> owned = up.isPresent() ? Optional.empty() : Optional.of(Environments.start(settings));
        HostAndPort redis = up.map(state -> state.endpoints().redis())
                .orElseGet(() -> owned.orElseThrow().endpoints().redis());
        ReferenceService service;
        try {
            service = ReferenceService.start(settings, redis);
        } catch (RuntimeException e) {
            owned.ifPresent(Environment::close);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            owned.ifPresent(Environment::close);
            stopped.countDown();
        }, "sut-shutdown"));
        var out = spec.commandLine().getOut();
        out.printf("reference service: %s%n", service.url());
        out.printf("redis: redis://%s (%s)%n", redis, up.isPresent()
                ? "the " + up.get().environment() + " environment that is up"
                : "started for this run (" + settings.environment().label() + "); it stops with the service");
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
