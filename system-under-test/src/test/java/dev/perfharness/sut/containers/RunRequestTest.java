package dev.perfharness.sut.containers;

import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.images.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRequestTest {
    private static final String BUSYBOX = "perf-harness/busybox:1";

    @Test
    void theImageDefaultsToBusybox() {
        RunRequest request = RunRequest.parse("{\"command\":[\"sh\",\"-c\",\"echo hi\"]}", BUSYBOX);

        assertThat(request).isEqualTo(new RunRequest(BUSYBOX, List.of("sh", "-c", "echo hi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"busybox", "busybox:1.37", "perf-harness/busybox:1", "registry.local:5000/team/app_1.x:v2-rc.1",
        "localhost/a__b/c--d", "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void anImageReferenceIsTaken(String image) {
        assertThat(RunRequest.parse("{\"image\":\"" + image + "\",\"command\":[\"true\"]}", BUSYBOX).image()).isEqualTo(image);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                    | body",
        "[\"sh\"]                                    | body",
        "{}                                          | command",
        "{\"command\":null}                          | command",
        "{\"command\":\"echo hi\"}                   | command",
        "{\"command\":[]}                            | command",
        "{\"command\":[\"sh\",42]}                   | command[1]",
        "{\"command\":[\"sh\",[\"-c\"]]}             | command[1]",
        "{\"command\":[\" \"]}                       | command[0]",
        "{\"command\":[\"true\"],\"image\":42}       | image",
        "{\"command\":[\"true\"],\"image\":\"\"}     | image",
        "{\"command\":[\"true\"],\"image\":\"UPPER/Case\"} | image",
        "{\"command\":[\"true\"],\"image\":\"a::b\"} | image",
        "{\"command\":[\"true\"],\"image\":\"-lead\"} | image",
        "{\"command\":[\"true\"],\"env\":[\"A=1\"]}  | env"})
    void aBadRequestNamesTheFieldAtFault(String body, String field) {
        assertThatThrownBy(() -> RunRequest.parse(body.strip(), BUSYBOX))
                .isInstanceOfSatisfying(BadRequest.class, problem -> assertThat(problem.parameter()).isEqualTo(field));
    }

    @Test
    void aWrongTypeIsNamedWithTheValue() {
        assertThatThrownBy(() -> RunRequest.parse("{\"command\":[\"sh\",42]}", BUSYBOX))
                .isInstanceOfSatisfying(BadRequest.class, problem -> assertThat(problem.value()).isEqualTo("42"))
                .hasMessage("command[1] must be a string, got 42");
    }

    @Test
    void tooManyArgumentsAreRefused() {
        String arguments = "\"x\",".repeat(RunRequest.MAX_ARGUMENTS) + "\"x\"";

        assertThatThrownBy(() -> RunRequest.parse("{\"command\":[" + arguments + "]}", BUSYBOX))
                .hasMessage("command has 65 arguments, above the limit of 64");
    }

    @Test
    void anOverlongCommandIsRefused() {
        String script = "a".repeat(RunRequest.MAX_COMMAND_CHARS);

        assertThatThrownBy(() -> RunRequest.parse("{\"command\":[\"sh\",\"-c\",\"" + script + "\"]}", BUSYBOX))
                .isInstanceOfSatisfying(BadRequest.class, problem -> assertThat(problem.parameter()).isEqualTo("command"))
                .hasMessageContaining("above the limit of " + RunRequest.MAX_COMMAND_CHARS);
    }

    @Test
    void anOverlongImageNameIsRefused() {
        String image = "a".repeat(ImageReference.MAX_LENGTH + 1);

        assertThatThrownBy(() -> RunRequest.parse("{\"image\":\"" + image + "\",\"command\":[\"true\"]}", BUSYBOX))
                .isInstanceOfSatisfying(BadRequest.class, problem -> assertThat(problem.parameter()).isEqualTo("image"));
    }
}
