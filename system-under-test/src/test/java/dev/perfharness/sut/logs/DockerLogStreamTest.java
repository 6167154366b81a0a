package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** docker-java's pushed frames as a pulled stream, without an engine. */
class DockerLogStreamTest {

    @Test
    void readsStdoutAndStderrFramesInArrivalOrderThenEnds() throws IOException {
        DockerLogStream stream = new DockerLogStream();
        stream.onNext(frame(StreamType.STDOUT, "one\n"));
        stream.onNext(frame(StreamType.STDERR, "two\n"));
        stream.onComplete();

        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
        assertThat(stream.read(new byte[8])).isEqualTo(-1);
    }

    @Test
    void aReadCopiesAcrossFramesThatAreAlreadyThereWithoutWaitingForMore() throws IOException {
        DockerLogStream stream = new DockerLogStream();
        stream.onNext(frame(StreamType.STDOUT, "ab"));
        stream.onNext(frame(StreamType.STDOUT, "cd"));

        byte[] buffer = new byte[16];
        assertThat(stream.read(buffer)).isEqualTo(4);
        assertThat(new String(buffer, 0, 4, StandardCharsets.UTF_8)).isEqualTo("abcd");
    }

    @Test
    void anEngineErrorReachesTheReader() {
        DockerLogStream stream = new DockerLogStream();
        stream.onError(new RuntimeException("engine went away"));

        assertThatThrownBy(() -> stream.read(new byte[8])).isInstanceOf(IOException.class).hasMessageContaining("engine went away");
    }

    @Test
    void aFullQueueHoldsBackTheProducerUntilTheReaderCatchesUp() throws Exception {
        DockerLogStream stream = new DockerLogStream();
        AtomicInteger delivered = new AtomicInteger();
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 100; i++) {
                stream.onNext(frame(StreamType.STDOUT, "x"));
                delivered.incrementAndGet();
            }
            stream.onComplete();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.TIMED_WAITING);
        assertThat(delivered.get()).isLessThan(100);

        assertThat(stream.readAllBytes()).hasSize(100);
        producer.join(Duration.ofSeconds(5));
        assertThat(delivered.get()).isEqualTo(100);
    }

    @Test
    void closeStopsTheEngineResponseAndWakesAWaitingReader() throws Exception {
        DockerLogStream stream = new DockerLogStream();
        AtomicBoolean responseClosed = new AtomicBoolean();
        stream.onStart(() -> responseClosed.set(true));
        CompletableFuture<Throwable> read = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                stream.read(new byte[8]);
                read.complete(null);
            } catch (Throwable e) {
                read.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.WAITING || read.isDone());

        stream.close();

        assertThat(read.get()).isInstanceOf(IOException.class).hasMessage("docker log stream closed");
        assertThat(responseClosed).isTrue();
    }

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }
}
