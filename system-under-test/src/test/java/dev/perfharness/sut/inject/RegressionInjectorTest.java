package dev.perfharness.sut.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfharness.config.InjectionSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegressionInjectorTest {
    private static final int CALLS = 100_000;

    @Test
    void offIsTheOneSharedInstanceAndAllocatesNothing() {
        RegressionInjector off = RegressionInjector.of(new InjectionSettings(Duration.ZERO, 0));

        assertThat(off).isSameAs(RegressionInjector.NONE);
        assertThat(off.active()).isFalse();
        assertThat(AllocatedBytes.perCall(CALLS, off::perOperation)).isLessThan(1);
    }

    @Test
    void allocatesTheBytesAskedForAsOneObject() {
        // 4096 is a whole array object (16-byte header, 4080 elements); 100 is rounded up to 104.
        assertThat(AllocatedBytes.perCall(CALLS, allocating(4096)::perOperation)).isBetween(4096.0, 4096.0 + 4);
        assertThat(AllocatedBytes.perCall(CALLS, allocating(100)::perOperation)).isBetween(100.0, 104.0 + 4);
        assertThat(AllocatedBytes.perCall(CALLS, allocating(16)::perOperation)).isBetween(16.0, 16.0 + 4);
    }

    @Test
    void spinsAtLeastTheTimeAskedForOnEveryCall() {
        Duration cpu = Duration.ofNanos(20_000);
        RegressionInjector injector = RegressionInjector.of(new InjectionSettings(cpu, 0));
        int calls = 500;

        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            injector.perOperation();
        }
        long elapsed = System.nanoTime() - started;

        assertThat(elapsed).isGreaterThanOrEqualTo(calls * cpu.toNanos());
        assertThat(AllocatedBytes.perCall(calls, injector::perOperation)).as("a spin allocates nothing").isLessThan(1);
    }

    @Test
    void saysWhatItInjects() {
        assertThat(RegressionInjector.of(new InjectionSettings(Duration.ofNanos(200), 100)))
                .hasToString("inject.cpu=200ns inject.alloc=100");
    }

    private static RegressionInjector allocating(int bytes) {
        return RegressionInjector.of(new InjectionSettings(Duration.ZERO, bytes));
    }
}
