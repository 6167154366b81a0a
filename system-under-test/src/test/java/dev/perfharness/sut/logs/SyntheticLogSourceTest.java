package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.sut.logs.LogSource.LogTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticLogSourceTest {
    private static final LogTarget WEB = new LogTarget("ci", "web-0", Optional.empty());

    @Test
    void writesNumberedLinesOfTheConfiguredSizeThenEnds() throws IOException {
        String log = readAll(new SyntheticLogSource(25, 40, 0).openLog(WEB, OptionalInt.empty()), 7);

        List<String> lines = log.lines().toList();
        assertThat(lines).hasSize(25);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(39));
        assertThat(lines.getFirst()).startsWith("0000000000 ");
        assertThat(lines.stream().map(line -> Integer.parseInt(line.substring(0, 10))).toList())
                .containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
    }

    @Test
    void readsSpanningSeveralLinesKeepEveryLineWhole() throws IOException {
        String log = readAll(new SyntheticLogSource(100, 30, 0).openLog(WEB, OptionalInt.empty()), 4096);

        assertThat(log).hasSize(100 * 30);
        assertThat(log.lines().map(line -> line.substring(0, 10)).distinct()).hasSize(100);
    }

    @Test
    void aTailStartsAtTheLastLines() throws IOException {
        String log = readAll(new SyntheticLogSource(10, 20, 0).openLog(WEB, OptionalInt.of(3)), 64);

        assertThat(log.lines().map(line -> line.substring(0, 10))).containsExactly("0000000007", "0000000008", "0000000009");
    }

    @Test
    void aTailLongerThanTheLogIsTheWholeLog() throws IOException {
        assertThat(readAll(new SyntheticLogSource(4, 20, 0).openLog(WEB, OptionalInt.of(1000)), 64).lines()).hasSize(4);
    }

    @Test
    void linesTooShortForANumberAreFillerAndNewline() throws IOException {
        assertThat(readAll(new SyntheticLogSource(3, 5, 0).openLog(WEB, OptionalInt.empty()), 2)).isEqualTo("abcd\nabcd\nabcd\n");
    }

    @Test
    void jobsAndPodsNamedMissingDoNotExist() {
        SyntheticLogSource source = new SyntheticLogSource(1, 10, 0);

        assertThat(source.findJobPod("ci", "nightly")).hasValue("nightly-0");
        assertThat(source.findJobPod("ci", "missing-nightly")).isEmpty();
        assertThatThrownBy(() -> source.openLog(new LogTarget("ci", "missing-0", Optional.empty()), OptionalInt.empty()))
                .isInstanceOf(LogSourceException.class)
                .hasMessage("pod missing-0 not found in namespace ci");
    }

    @Test
    void closeWakesAReaderWaitingForTheNextLine() throws Exception {
        // One line a second: the first is due at once, the second a second later.
        InputStream log = new SyntheticLogSource(10, 20, 1).openLog(WEB, OptionalInt.empty());
        assertThat(log.read(new byte[20])).isEqualTo(20);
        CompletableFuture<Throwable> second = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                log.read(new byte[20]);
                second.complete(null);
            } catch (Throwable e) {
                second.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.TIMED_WAITING || second.isDone());

        log.close();

        assertThat(second.get()).isInstanceOf(IOException.class).hasMessage("synthetic log closed");
    }

    @Test
    void aRateDeliversOnlyTheLinesDueSoFar() throws IOException {
        InputStream unpaced = new SyntheticLogSource(5, 20, 0).openLog(WEB, OptionalInt.empty());
        // One line a second: the first is due at once, the fifth only after four seconds.
        InputStream paced = new SyntheticLogSource(5, 20, 1).openLog(WEB, OptionalInt.empty());

        assertThat(unpaced.read(new byte[1000])).isEqualTo(100);
        int pacedBytes = paced.read(new byte[1000]);
        assertThat(pacedBytes).isPositive().isLessThan(100);
        assertThat(pacedBytes % 20).isZero();
    }

    private static String readAll(InputStream log, int bufferBytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferBytes];
        int read;
        while ((read = log.read(buffer)) >= 0) {
            all.write(buffer, 0, read);
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
