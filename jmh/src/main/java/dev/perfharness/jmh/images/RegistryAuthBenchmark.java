package dev.perfharness.jmh.images;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.config.ImageSettings.AuthVariant;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.sut.images.RegistryAuth;
import dev.perfharness.sut.inject.RegressionInjector;
import dev.perfharness.sut.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Seed 002: "Auth caching: 80 % reduction in auth computation time" ("Registry authentication repeated:
 * Auth config regenerated for each operation").
 *
 * <p>What a pull pays for its registry credentials, through each {@code registry.auth} variant the service
 * has: {@code per-call} (the before) builds docker-java's {@code AuthConfig}, serialises it to JSON and
 * base64url-encodes the {@code X-Registry-Auth} header on every call; {@code cached} (the after) does that
 * once per registry and {@code registry.auth-ttl} (15 min, longer than any run here), then looks it up.
 * Only the auth step of a pull is measured, not the pull.
 *
 * <p>The secondary metric {@code authComputations} counts the headers computed in the measured iterations
 * ({@code registry_auth_computations_total}): one per call for per-call, none for cached once warm. Run:
 * {@code java -jar jmh/target/benchmarks.jar RegistryAuthBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryAuthBenchmark {

    /** per-call is seed 002's before, cached its after. */
    @Param
    public AuthVariant auth;

    private ServiceMetrics metrics;
    private RegistryAuth registryAuth;
    private String registry;

    @Setup(Level.Trial)
    public void setUp(Computations computations) {
        metrics = new ServiceMetrics();
        HarnessSettings settings = BenchmarkSettings.with(
                "registry.auth", label(auth),
                "registry.password", "correct-horse-battery-staple");
        registryAuth = RegistryAuth.create(settings.images(), metrics.registry(), RegressionInjector.of(settings.injection()));
        // The address a pull passes: the local registry's, as HostAndPort.toString() gives it.
        registry = "127.0.0.1:5000";
        computations.meters = metrics.registry();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        metrics.close();
    }

    @Benchmark
    public String authHeader() {
        return registryAuth.forRegistry(registry).header();
    }

    /** Headers computed per iteration; JMH adds the iterations up. Handed to the set-up so that JMH reports it. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Computations {
        public long authComputations;

        private MeterRegistry meters;
        private double before;

        @Setup(Level.Iteration)
        public void start() {
            before = count();
        }

        @TearDown(Level.Iteration)
        public void end() {
            authComputations = (long) (count() - before);
        }

        private double count() {
            return meters.find("registry.auth.computations").counters().stream().mapToDouble(Counter::count).sum();
        }
    }
}
