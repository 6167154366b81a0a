package dev.perfharness.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingEngineTest {
    @TempDir
    Path cache;

    @Test
    void theProbeChoosesPerfEventsOrCtimerAndSaysWhy() {
        SamplingEngine engine = SamplingEngine.probe(AsyncProfilerLibrary.extractTo(cache));

        if (engine.perfEvents()) {
            assertThat(engine.event()).isEqualTo("cpu");
            assertThat(engine.note()).startsWith("perf events available");
        } else {
            assertThat(engine.event()).isIn("ctimer", "cpu");
            assertThat(engine.note()).containsAnyOf("perf events unavailable", "not probed", "macOS");
        }
        assertThat(engine.note()).isNotBlank();
    }

    @Test
    void aProbeInAnotherJvmGivesTheSameAnswerAsOneInThisJvm() {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(cache);

        assertThat(SamplingEngine.probeInChildJvm(library)).isEqualTo(SamplingEngine.probe(library));
    }

    @Test
    void theAnswerIsKeptForTheJvm() {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.extractTo(cache);

        assertThat(SamplingEngine.probe(library)).isSameAs(SamplingEngine.probe(library));
    }

    @Test
    void anUnprivilegedUserUnderParanoid2GetsCtimerBecauseEventCpuWouldFallBackQuietly() {
        SamplingEngine engine = SamplingEngine.decide(Optional.of(2), false, Optional.empty());

        assertThat(engine.event()).isEqualTo("ctimer");
        assertThat(engine.perfEvents()).isFalse();
        assertThat(engine.note()).startsWith("perf events unavailable: kernel.perf_event_paranoid=2, without CAP_PERFMON")
                .endsWith("using ctimer (no kernel frames, ~4 ms resolution)");
    }

    @Test
    void aRefusedPerfEventGivesCtimerWithAsyncProfilersReason() {
        SamplingEngine engine = SamplingEngine.decide(Optional.of(1), false, Optional.of("Perf events unavailable"));

        assertThat(engine.event()).isEqualTo("ctimer");
        assertThat(engine.note()).contains("kernel.perf_event_paranoid=1 / Perf events unavailable");
    }

    @Test
    void rootOrAPermissiveKernelGetsPerfEvents() {
        assertThat(SamplingEngine.decide(Optional.of(2), true, Optional.empty()).event()).isEqualTo("cpu");
        assertThat(SamplingEngine.decide(Optional.of(-1), false, Optional.empty()).perfEvents()).isTrue();
    }
}
