package dev.perfharness.jmh.gate;

import dev.perfharness.config.HarnessSettings;
import dev.perfharness.jmh.support.BenchmarkSettings;
import dev.perfharness.sut.inject.RegressionInjector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gate's control: a fixed amount of arithmetic ({@link Blackhole#consumeCPU}, JMH's own steady
 * work: no allocation, no memory traffic, no choice left to the JIT) followed by the service's regression
 * injector, the same {@code inject.cpu} and {@code inject.alloc} knob the service and the component
 * benchmarks take. Without an injection it is the steadiest benchmark of the suite, so comparing two runs
 * of it shows the gate's false alarms; with one, it shows whether the gate finds a regression of exactly
 * the injected size, which the component benchmarks blur: their own allocation and JIT choices move with
 * any change to their code, the injected one included (README, "Trusting the gate").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InjectedWorkBenchmark {

    /** Blackhole tokens: about 10 µs of work on the machine the README's figures come from. */
    @Param("5000")
    public long tokens;

    private RegressionInjector injector;

    @Setup
    public void setUp() {
        HarnessSettings settings = BenchmarkSettings.with();
        injector = RegressionInjector.of(settings.injection());
    }

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(tokens);
        injector.perOperation();
    }
}
