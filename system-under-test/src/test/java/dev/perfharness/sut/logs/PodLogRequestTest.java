package dev.perfharness.sut.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.Variant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PodLogRequestTest {
    private static final StreamRules AFTER = StreamRules.of(PodLogServer.settings(Variant.AFTER));
    private static final StreamRules BEFORE = StreamRules.of(PodLogServer.settings(Variant.BEFORE));

    @Test
    void readsEveryParameter() throws Exception {
        PodLogRequest request = parse(Map.of("namespace", "ci", "pod", "web-0", "container", "main", "tailLines", "25"), AFTER);

        assertThat(request).isEqualTo(new PodLogRequest("ci", Optional.of("web-0"), Optional.empty(), Optional.of("main"), OptionalInt.of(25)));
    }

    @Test
    void afterTailsAtTheLimitWhenNoTailIsGiven() throws Exception {
        assertThat(parse(Map.of("namespace", "ci", "job", "nightly"), AFTER).tailLines()).hasValue(10_000);
    }

    @Test
    void beforeReadsTheWholeLogWhenNoTailIsGiven() throws Exception {
        assertThat(parse(Map.of("namespace", "ci", "job", "nightly"), BEFORE).tailLines()).isEmpty();
    }

    @Test
    void blankParametersCountAsMissing() throws Exception {
        PodLogRequest request = parse(Map.of("namespace", "ci", "pod", " ", "job", "nightly", "tailLines", ""), BEFORE);

        assertThat(request.pod()).isEmpty();
        assertThat(request.job()).hasValue("nightly");
        assertThat(request.tailLines()).isEmpty();
    }

    @Test
    void theLimitItselfIsAccepted() throws Exception {
        assertThat(parse(Map.of("namespace", "ci", "pod", "web-0", "tailLines", "10000"), AFTER).tailLines()).hasValue(10_000);
    }

    @Test
    void afterRefusesOneLineAboveTheLimit() {
        assertThatThrownBy(() -> parse(Map.of("namespace", "ci", "pod", "web-0", "tailLines", "10001"), AFTER))
                .isInstanceOfSatisfying(InvalidPodLogRequest.class, refusal -> assertThat(refusal.body()).containsExactly(
                        Map.entry("error", "tailLines 10001 is above the limit of 10000"),
                        Map.entry("parameter", "tailLines"),
                        Map.entry("value", "10001")));
    }

    @Test
    void beforeAcceptsAnyTailThatFitsAnInt() throws Exception {
        assertThat(parse(Map.of("namespace", "ci", "pod", "web-0", "tailLines", "2147483647"), BEFORE).tailLines()).hasValue(Integer.MAX_VALUE);
    }

    @Test
    void tailsBeyondAnIntAreRefusedInBothVariants() {
        assertThatThrownBy(() -> parse(Map.of("namespace", "ci", "pod", "web-0", "tailLines", "99999999999"), BEFORE))
                .hasMessage("tailLines 99999999999 is above the largest supported value, 2147483647");
        assertThatThrownBy(() -> parse(Map.of("namespace", "ci", "pod", "web-0", "tailLines", "99999999999"), AFTER))
                .hasMessage("tailLines 99999999999 is above the limit of 10000");
    }

    @Test
    void aMissingNamespaceIsNamedFirst() {
        assertThatThrownBy(() -> parse(Map.of("tailLines", "abc"), AFTER))
                .isInstanceOfSatisfying(InvalidPodLogRequest.class, refusal -> {
                    assertThat(refusal.parameter()).isEqualTo("namespace");
                    assertThat(refusal.body()).doesNotContainKey("value");
                });
    }

    private static PodLogRequest parse(Map<String, String> query, StreamRules rules) throws InvalidPodLogRequest {
        return PodLogRequest.parse(query::get, rules);
    }
}
