package dev.perfharness.env;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.env.Endpoints.Availability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every environment's image registry has in common: how it is asked whether it answers, and where
 * a local one keeps its blobs.
 *
 * <p>A registry answers when {@code GET /v2/} (the Docker Registry HTTP API's version check) returns 200,
 * or 401 for one that wants credentials: either way it speaks the protocol the engine pulls with.
 */
public final class Registries {
    /**
     * The named volume the local registries (embedded and testcontainers) keep their blobs in. Named, not
     * anonymous, so the seeded images outlive one environment: they are pushed once per engine, and
     * later starts only check that they are there. {@code docker volume rm perf-harness-registry} empties it.
     */
    public static final String STORAGE_VOLUME = "perf-harness-registry";
    /** Where the registry image (distribution's and Debian's build alike) keeps its storage. */
    public static final String STORAGE_PATH = "/var/lib/registry";
    /** distribution's variable that overrides {@code http.addr} of its configuration file. */
    public static final String ADDRESS_VARIABLE = "REGISTRY_HTTP_ADDR";
    /** distribution's variable that lets clients delete manifests (the official image has it off), so tests can tidy up. */
    public static final String DELETE_VARIABLE = "REGISTRY_STORAGE_DELETE_ENABLED";
    /** Longest a seed image's build, or its push, may take. */
    public static final Duration SEED_TIMEOUT = Duration.ofMinutes(5);
    /** How long a registry that was just started may take to answer. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Registries() {
    }

    /** The registry {@code registry.addr} names: asked whether it answers, never started nor seeded by the harness. */
    public static Availability configured(HostAndPort address) {
        return probe(address, "registry.addr");
    }

    /** What {@code env status} says of a local registry: its image and the images it holds. */
    public static String note(String image, RegistrySeeder.Seeded seeded) {
        return "container %s, %d images seeded".formatted(image, seeded.count());
    }

    /**
     * Asks the registry at {@code registry} once whether it answers.
     *
     * @param note what to say beside its address when it answers ("registry.addr", "container ...")
     * @return its address, or "not run: no registry answers at ..." with the reason
     */
    public static Availability probe(HostAndPort registry, String note) {
        try {
            int status = versionCheck(registry);
            if (status == 200 || status == 401) {
                return Availability.at(registry.toString(), note);
            }
            return Availability.absent("not run: " + registry + " answers GET /v2/ with HTTP " + status + ", not as an image registry");
        } catch (IOException e) {
            return Availability.absent("not run: no registry answers at " + registry + " (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.absent("not run: interrupted while probing the registry at " + registry);
        }
    }

    /**
     * Waits until a registry that was just started answers.
     *
     * @param running     false once the registry has exited: waiting longer is pointless
     * @param diagnostics its last output, for the error
     * @throws EnvironmentException when it exits or stays silent for {@link #START_TIMEOUT}
     */
    public static void awaitAnswer(HostAndPort registry, BooleanSupplier running, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                if (versionCheck(registry) == 200) {
                    return;
                }
            } catch (IOException e) {
                last = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("interrupted while waiting for the registry at " + registry, e);
            }
            if (!running.getAsBoolean()) {
                throw new EnvironmentException("the registry at " + registry + " exited before it answered; its last output:\n  "
                        + diagnostics.get());
            }
            sleep(POLL_INTERVAL);
        }
        throw new EnvironmentException("the registry at %s did not answer GET /v2/ within %d s (%s); its last output:\n  %s"
                .formatted(registry, START_TIMEOUT.toSeconds(), last, diagnostics.get()));
    }

    /** {@code http://<registry>/v2/}: local registries speak plain HTTP, which the engine allows for loopback. */
    public static URI apiRoot(HostAndPort registry) {
        return URI.create("http://" + registry + "/v2/");
    }

    private static int versionCheck(HostAndPort registry) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build()) {
            HttpRequest request = HttpRequest.newBuilder(apiRoot(registry)).timeout(PROBE_TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for a registry", e);
        }
    }
}
