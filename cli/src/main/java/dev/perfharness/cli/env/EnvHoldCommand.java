package dev.perfharness.cli.env;

import dev.perfharness.cli.CliContext;
import dev.perfharness.cli.SettingsOptions;
import dev.perfharness.config.HarnessSettings;
import dev.perfharness.env.Environment;
import dev.perfharness.env.Environments;
import dev.perfharness.env.state.EnvironmentState;
import dev.perfharness.env.state.StateFile;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The process {@code env up} leaves running: it starts the environment, writes the state file, and on
 * SIGTERM (from {@code env down}) stops everything it started and removes the state.
 *
 * <p>A process of its own, rather than containers and redis-server left orphaned, because Ryuk (where
 * it runs) reaps containers when their JVM goes, and an embedded redis-server needs an owner.
 */
@Command(name = "hold", hidden = true, description = "Start the environment and hold it until SIGTERM.")
public final class EnvHoldCommand implements Runnable {
    @Mixin
    SettingsOptions settingsOptions;

    public EnvHoldCommand(CliContext context) {
        this.settingsOptions = new SettingsOptions(context);
    }

    @Override
    public void run() {
        HarnessSettings settings = settingsOptions.load();
        StateFile stateFile = new StateFile(settings.stateDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Environment environment = Environments.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            environment.close();
            stateFile.delete();
            stopped.countDown();
        }, "environment-shutdown"));
        stateFile.write(EnvironmentState.of(settings.environment().label(), ProcessHandle.current().pid(),
                environment.endpoints(), Instant.now()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
