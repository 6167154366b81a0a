package dev.perfharness.sut.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLinesTest {
    private final List<String> lines = new ArrayList<>();
    private final FrameLines frames = new FrameLines(lines::add);

    @Test
    void aLineSplitAcrossFramesIsJoined() {
        frames.onNext(stdout("first\nsec"));
        frames.onNext(stdout("ond\nthird"));
        frames.finish();

        assertThat(lines).containsExactly("first", "second", "third");
    }

    @Test
    void stdoutAndStderrNeverShareALine() {
        frames.onNext(stdout("out-"));
        frames.onNext(new Frame(StreamType.STDERR, "err\n".getBytes(StandardCharsets.UTF_8)));
        frames.onNext(stdout("line\n"));
        frames.finish();

        assertThat(lines).containsExactly("err", "out-line");
    }

    @Test
    void carriageReturnsBeforeTheNewlineAreDropped() {
        frames.onNext(stdout("windows\r\n"));

        assertThat(lines).containsExactly("windows");
    }

    @Test
    void aMultiByteCharacterSplitAcrossFramesSurvives() {
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        frames.onNext(new Frame(StreamType.STDOUT, new byte[] {euro[0]}));
        frames.onNext(new Frame(StreamType.STDOUT, new byte[] {euro[1], euro[2], euro[3]}));

        assertThat(lines).containsExactly("€");
    }

    @Test
    void anOverlongLineIsCut() {
        frames.onNext(stdout("x".repeat(FrameLines.MAX_LINE_BYTES + 5) + "\n"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(FrameLines.MAX_LINE_BYTES);
        assertThat(lines.get(1)).isEqualTo("xxxxx");
    }

    @Test
    void linesBeyondTheCapAreCountedNotKept() {
        frames.onNext(stdout("line\n".repeat(FrameLines.MAX_LINES + 3)));
        frames.finish();

        assertThat(lines).hasSize(FrameLines.MAX_LINES + 1);
        assertThat(lines.getLast()).isEqualTo("[3 more lines of output not kept: a run keeps 10000]");
    }

    private static Frame stdout(String text) {
        return new Frame(StreamType.STDOUT, text.getBytes(StandardCharsets.UTF_8));
    }
}
