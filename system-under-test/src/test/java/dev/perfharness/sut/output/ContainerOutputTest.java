package dev.perfharness.sut.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.OutputSettings;
import dev.perfharness.config.OutputSettings.WhenFull;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sync and async aggregators: batching by size and by time, full queues, flush and close. */
class ContainerOutputTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ServiceMetrics metrics = new ServiceMetrics();
    private final List<ContainerOutput> outputs = new ArrayList<>();
    private final CountDownLatch formatting = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        outputs.forEach(ContainerOutput::close);
        metrics.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void linesOfEachSourceComeBackFormattedInOrder(String aggregator) {
        ContainerOutput output = output(Map.of("aggregator", aggregator, "log-format", "pooled"));

        output.accept("run-42", "one");
        output.accept("run-7", "other");
        output.accept("run-42", "two");
        output.flush();

        assertThat(output.lines("run-42")).containsExactly("2026-11-24T10:00:00.123Z [run-42] one", "2026-11-24T10:00:00.123Z [run-42] two");
        assertThat(output.lines("run-7")).containsExactly("2026-11-24T10:00:00.123Z [run-7] other");
        assertThat(output.lines("nobody")).isEmpty();
    }

    @Test
    void syncHandlesEachLineBeforeAcceptReturns() {
        ContainerOutput output = output(Map.of("aggregator", "sync"));

        output.accept("run-1", "now");

        assertThat(output.lines("run-1")).hasSize(1);
    }

    @Test
    void asyncHandlesAFullBatchWithoutWaitingForTheInterval() {
        ContainerOutput output = output(Map.of("aggregator", "async", "aggregator.batch", "50", "aggregator.interval", "1h"));

        accept(output, "run-1", 120);

        await().atMost(Duration.ofSeconds(5)).until(() -> output.lines("run-1").size() == 100);
        // The last 20 make no full batch and the interval is an hour away: they wait.
        assertThat(output.lines("run-1")).hasSize(100);
        assertThat(metrics.registry().get("output.batch.size").summary().count()).isEqualTo(2);
        output.flush();
        assertThat(output.lines("run-1")).hasSize(120);
        assertThat(metrics.registry().get("output.batch.size").summary().max()).isEqualTo(50.0);
    }

    @Test
    void asyncHandlesAPartialBatchOnceTheIntervalPasses() {
        ContainerOutput output = output(Map.of("aggregator", "async", "aggregator.batch", "1000", "aggregator.interval", "50ms"));

        accept(output, "run-1", 3);

        await().atMost(Duration.ofSeconds(5)).until(() -> output.lines("run-1").size() == 3);
        assertThat(metrics.registry().get("output.batch.size").summary().count()).isEqualTo(1);
    }

    @Test
    void flushWaitsForEveryEarlierLine() {
        ContainerOutput output = output(Map.of("aggregator", "async", "aggregator.batch", "1000", "aggregator.interval", "1h"));
        accept(output, "run-1", 10);

        output.flush();

        assertThat(output.lines("run-1")).hasSize(10);
    }

    @Test
    void closeStoresEveryQueuedLineThenRefusesMore() {
        ContainerOutput output = output(Map.of("aggregator", "async", "aggregator.batch", "1000", "aggregator.interval", "1h"));
        accept(output, "run-1", 10);

        output.close();

        assertThat(output.lines("run-1")).hasSize(10);
        assertThatThrownBy(() -> output.accept("run-1", "late")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        output.flush();
        output.close();
    }

    @Test
    void countDropsDropsAndCountsWhatAFullQueueCannotTake() throws Exception {
        ContainerOutput output = stalled(2, WhenFull.COUNT_DROPS);
        output.accept("run-1", "taken by the aggregator");
        assertThat(formatting.await(5, TimeUnit.SECONDS)).isTrue();

        accept(output, "run-1", 5);

        assertThat(metrics.scrape()).contains("output_dropped_total{reason=\"full\"} 3.0");
        release.countDown();
        output.flush();
        assertThat(output.lines("run-1")).hasSize(3);
    }

    @Test
    void blockMakesTheProducerWaitForRoomAndLosesNothing() throws Exception {
        ContainerOutput output = stalled(2, WhenFull.BLOCK);
        output.accept("run-1", "taken by the aggregator");
        assertThat(formatting.await(5, TimeUnit.SECONDS)).isTrue();
        accept(output, "run-1", 2);

        Thread producer = Thread.ofVirtual().start(() -> output.accept("run-1", "waits for room"));

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);
        release.countDown();
        assertThat(producer.join(Duration.ofSeconds(5))).isTrue();
        output.flush();
        assertThat(output.lines("run-1")).hasSize(4).last().asString().endsWith("waits for room");
        assertThat(metrics.registry().get("output.dropped").tag("reason", "full").counter().count()).isZero();
    }

    @Test
    void eachSourceKeepsItsNewestLinesUpToTheBound() {
        LineStore store = new LineStore(metrics.registry(), 5);

        IntStream.range(0, 7).forEach(i -> store.add("run-1", "line " + i));

        assertThat(store.lines("run-1")).containsExactly("line 2", "line 3", "line 4", "line 5", "line 6");
        assertThat(metrics.registry().get("output.lines.trimmed").counter().count()).isEqualTo(2.0);
    }

    @Test
    void longLinesAreBoundedByCharactersNotOnlyByCount() {
        LineStore store = new LineStore(metrics.registry(), 10_000);
        String quarter = "x".repeat(LineStore.MAX_CHARS_PER_SOURCE / 4);

        IntStream.range(0, 6).forEach(i -> store.add("run-1", i + quarter));

        assertThat(store.lines("run-1")).hasSize(3).first().asString().startsWith("3");
        assertThat(metrics.registry().get("output.lines.trimmed").counter().count()).isEqualTo(3.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "async"})
    void aForgottenSourceHasNoLines(String aggregator) {
        ContainerOutput output = output(Map.of("aggregator", aggregator));
        output.accept("run-1", "gone soon");
        output.flush();

        output.forget("run-1");

        assertThat(output.lines("run-1")).isEmpty();
    }

    private ContainerOutput output(Map<String, String> overrides) {
        ContainerOutput output = ContainerOutputs.create(settings(overrides), metrics, CLOCK);
        outputs.add(output);
        return output;
    }

    /** An async output whose aggregator blocks on its first line until the test releases it. */
    private ContainerOutput stalled(int capacity, WhenFull whenFull) {
        LineFormatter plain = LineFormatter.of(OutputSettings.LogFormat.BUILDER);
        LineFormatter stalling = (arrived, source, line) -> {
            formatting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return plain.format(arrived, source, line);
        };
        ContainerOutput output = new AsyncOutput(stalling, CLOCK, 50, Duration.ofMillis(16), capacity, whenFull, metrics.registry());
        outputs.add(output);
        return output;
    }

    private static OutputSettings settings(Map<String, String> overrides) {
        return TestSettings.forEnvironment(EnvironmentName.EMBEDDED, new HashMap<>(overrides)).output();
    }

    private static void accept(ContainerOutput output, String source, int lines) {
        for (int i = 0; i < lines; i++) {
            output.accept(source, "line " + i);
        }
    }
}
