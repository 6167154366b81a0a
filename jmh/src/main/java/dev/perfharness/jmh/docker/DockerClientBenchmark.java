package dev.perfharness.jmh.docker;

import static dev.perfharness.jmh.support.BenchmarkSettings.label;

import com.github.dockerjava.api.model.Image;
import dev.perfharness.config.DockerSettings;
import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.jmh.support.Backend;
import dev.perfharness.jmh.support.BenchmarkBackends;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.jmh.support.RequiresBackend;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApis;
import dev.perfharness.sut.docker.DockerOperation;
import dev.perfharness.sut.docker.PooledDockerApi;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Seed 003 (Ofelia, "40-60% reduction in Docker API call latency" from connection pooling, with a circuit
 * breaker and a concurrency limit around every call): the latency of one cheap call to the real engine
 * through the service's {@link DockerApi}, built by {@link DockerApis#create} for each {@code docker.client}.
 * {@code per-call} is the seed's before (a new docker-java client, transport and connection per call);
 * {@code pooled} its after (one pooled transport behind a Resilience4j breaker and bulkhead).
 *
 * <ul>
 *   <li>{@link #ping}: {@code GET /_ping}, the least the engine can answer: the connection and the client
 *       are nearly all of it.</li>
 *   <li>{@link #inspectImage}: {@code GET /images/{id}/json}, a JSON document of a few KiB that the
 *       engine reads from its image store and the client decodes, for an image found on the engine at
 *       set-up. ({@code GET /version} would be no cheap call: the engine asks containerd and runs runc and
 *       docker-init with {@code --version} for it, some milliseconds.)</li>
 * </ul>
 * Both variants time every call on a virtual thread with its operation's timeout, so the difference is
 * the transport and the guard.
 *
 * <p>The guard alone, without the engine, on the pooled client's own code ({@link PooledDockerApi#guard}),
 * with a body that returns at once: {@link #guardedBody} passes the bulkhead and the breaker (operation
 * {@code ping}), {@link #bulkheadOnlyBody} only the bulkhead ({@code remove} bypasses the breaker), and
 * {@link #bareBody} calls the body directly. The breaker's cost is guarded minus bulkhead-only, the
 * bulkhead's is bulkhead-only minus bare; bytes/op shows what they allocate per call.
 *
 * <p>Run: {@code bin/harness jmh --include DockerClientBenchmark} (it needs the engine).
 */
@RequiresBackend(Backend.DOCKER)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DockerClientBenchmark {

    /** The client variant under test, against the engine. */
    @State(Scope.Benchmark)
    public static class Engine {
        @Param
        public DockerClientVariant client;

        DockerApi api;
        String imageId;
        private ServiceMetrics metrics;

        @Setup(Level.Trial)
        public void connect() {
            metrics = new ServiceMetrics();
            api = DockerApis.create(settings(client), BenchmarkBackends.dockerHost(), metrics);
            imageId = api.call(DockerOperation.INSPECT, (docker, timeout) -> docker.listImagesCmd().exec()).stream()
                    .map(Image::getId)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the engine at " + BenchmarkBackends.dockerHost()
                            + " holds no image to inspect; scripts/docker-engine.sh builds the local ones"));
        }

        @TearDown(Level.Trial)
        public void close() {
            api.close();
            metrics.close();
        }
    }

    /** The pooled client's guard, and a body that does nothing worth measuring. */
    @State(Scope.Benchmark)
    public static class Guard {
        PooledDockerApi api;
        Supplier<Object> body;
        private ServiceMetrics metrics;

        @Setup(Level.Trial)
        public void build() {
            metrics = new ServiceMetrics();
            // Building the client contacts nothing; the guard never reaches the engine.
            api = (PooledDockerApi) DockerApis.create(settings(DockerClientVariant.POOLED), BenchmarkBackends.dockerHost(), metrics);
            Object answer = new Object();
            body = () -> answer;
        }

        @TearDown(Level.Trial)
        public void close() {
            api.close();
            metrics.close();
        }
    }

    @Benchmark
    public String ping(Engine engine) {
        return engine.api.call(DockerOperation.PING, (client, timeout) -> {
            client.pingCmd().exec();
            return "OK";
        });
    }

    @Benchmark
    public Long inspectImage(Engine engine) {
        return engine.api.call(DockerOperation.INSPECT, (client, timeout) -> client.inspectImageCmd(engine.imageId).exec().getSize());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object guardedBody(Guard guard) {
        return guard.api.guard(DockerOperation.PING, guard.body);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object bulkheadOnlyBody(Guard guard) {
        return guard.api.guard(DockerOperation.REMOVE, guard.body);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object bareBody(Guard guard) {
        return guard.body.get();
    }

    private static DockerSettings settings(DockerClientVariant variant) {
        return BenchmarkSettings.with("docker.client", label(variant)).docker();
    }
}
