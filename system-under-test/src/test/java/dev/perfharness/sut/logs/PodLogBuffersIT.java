package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.BufferSettings;
import dev.perfharness.config.BufferSettings.BufferVariant;
import dev.perfharness.config.PodLogSettings;
import dev.perfharness.config.Variant;
import dev.perfharness.sut.logs.HeldLogSource.HeldLog;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pod log stream's read buffer comes from the {@code buffers} pool and goes back on every way a stream ends. */
class PodLogBuffersIT {

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void aStreamReadsThroughOnePooledBufferAndGivesItBackAtTheEndOfTheLog(BufferVariant variant) throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, Duration.ofSeconds(60), 500, 100);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings), new BufferSettings(variant, 2));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0"))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);

            // Netty's buffers are slices at an offset into an arena array: the text must still come out whole.
            assertThat(client.logText()).hasSize(500 * 100);
            assertThat(client.logText().lines().map(line -> Integer.parseInt(line.substring(0, SyntheticLog.NUMBER_DIGITS))))
                    .containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
            awaitBuffersBack(server);
            assertThat(server.counter("buffer.acquires")).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void theBufferGoesBackWhenTheClientLeaves(BufferVariant variant) throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.AFTER), source, new BufferSettings(variant, 2));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            HeldLog log = source.opened.get(10, TimeUnit.SECONDS);
            log.write("first line\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.messages("log").size() == 1);
            assertThat(server.metrics.registry().get("buffer.in.use").gauge().value()).isEqualTo(1.0);

            client.leave();

            awaitBuffersBack(server);
        }
    }

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void theBufferGoesBackWhenTheServiceStopsTheStream(BufferVariant variant) throws Exception {
        HeldLogSource source = new HeldLogSource();
        try (PodLogServer server = new PodLogServer(PodLogServer.settings(Variant.BEFORE), source, new BufferSettings(variant, 2));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=quiet-0"))) {
            source.opened.get(10, TimeUnit.SECONDS);

            server.streaming.close();

            assertThat(client.awaitClose().code()).isEqualTo(1001);
            awaitBuffersBack(server);
        }
    }

    @Test
    void tieredServesTheStreamFromIts256KbTier() throws Exception {
        PodLogSettings settings = PodLogServer.settings(Variant.AFTER, Duration.ofSeconds(60), 10, 40);
        try (PodLogServer server = new PodLogServer(settings, SyntheticLogSource.from(settings), new BufferSettings(BufferVariant.TIERED, 2));
             LogClient client = LogClient.connect(server.uri("namespace=ci&pod=web-0"))) {
            assertThat(client.awaitClose().code()).isEqualTo(1000);

            awaitBuffersBack(server);
            assertThat(server.metrics.registry().get("buffer.pool.hits").tag("tier", "256KB").counter().count()).isEqualTo(1.0);
        }
    }

    private static void awaitBuffersBack(PodLogServer server) {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.metrics.registry().get("buffer.in.use").gauge().value() == 0);
    }
}
