package dev.perfharness.gatling.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

class HlogTagsTest {
    @Test
    void replacesEverythingAnHlogCannotHoldWithUnderscores() {
        assertThat(HlogTags.sanitize("GET /api/v1/images?x=1, y")).isEqualTo("GET_/api/v1/images_x_1__y");
        assertThat(HlogTags.sanitize("tab\there\r\nnew")).isEqualTo("tab_here__new");
        assertThat(HlogTags.sanitize("ws:update-3.2")).isEqualTo("ws:update-3.2");
        assertThat(HlogTags.sanitize("😀")).isEqualTo("_");
        assertThat(HlogTags.sanitize("")).isEqualTo("_");
    }

    @Test
    void namesThatSanitizeAlikeGetNumberedTagsInSortedOrder() {
        Map<String, String> tags = HlogTags.forNames(List.of("a_b", "a,b", "a b", "c"));

        assertThat(tags).containsExactly(Map.entry("a b", "a_b"), Map.entry("a,b", "a_b~2"),
                Map.entry("a_b", "a_b~3"), Map.entry("c", "c"));
        assertThat(HlogTags.forNames(List.of("c", "a b", "a_b", "a,b"))).isEqualTo(tags);
    }

    @Test
    void hdrHistogramAcceptsEveryTag() {
        HistogramLogWriter writer = new HistogramLogWriter(new ByteArrayOutputStream());
        for (String tag : HlogTags.forNames(List.of("a b", "a,b", " lead", "trail ", "x\ny", "日本")).values()) {
            Histogram histogram = new Histogram(3);
            histogram.setTag(tag);
            writer.outputIntervalHistogram(histogram);
        }
    }
}
