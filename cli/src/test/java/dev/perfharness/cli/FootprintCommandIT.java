package dev.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint} against a real service in its own JVM, and the service commands' bad input. */
class FootprintCommandIT {
    private static final Pattern ROW = Pattern.compile("(?m)^(before|after)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(-?\\d+)\\s+(-?\\d+)$");

    @TempDir
    Path project;

    @Test
    void measuresBothVariantsAndPrintsOneRowEach() {
        CliRun result = run("footprint", "ws", "--connections", "20", "--subscriptions", "4", "--set", "tracker.jobs=2000");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        Matcher rows = ROW.matcher(result.output());
        int found = 0;
        while (rows.find()) {
            found++;
            assertThat(rows.group(2)).isEqualTo("20");
            assertThat(rows.group(3)).isEqualTo("80");
        }
        assertThat(found).as(result.output()).isEqualTo(2);
    }

    @Test
    void measuresEveryTokenVariant() {
        CliRun result = run("footprint", "tokens", "--count", "200");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).containsPattern("(?m)^per-token-timer\\s+200\\s+-?\\d+")
                .containsPattern("(?m)^min-heap\\s+200\\s+-?\\d+").containsPattern("(?m)^caffeine\\s+200\\s+-?\\d+");
    }

    @Test
    void anUnknownTokenVariantIsNamed() {
        CliRun result = run("footprint", "tokens", "--tokens", "redis");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("--tokens redis is not a variant");
    }

    @Test
    void anUnknownVariantIsNamed() {
        CliRun result = run("footprint", "ws", "--ws", "sideways");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("--ws sideways is not a variant");
    }

    @Test
    void tooFewSubscriptionsForASlopeAreRefused() {
        CliRun result = run("footprint", "ws", "--subscriptions", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("--subscriptions 1 is outside 2 to 100");
    }

    @Test
    void theServiceRefusesAnUnknownCacheVariantByName() {
        CliRun result = run("sut", "--port", "0", "--cache", "write-behind");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errors()).contains("cache = \"write-behind\"").contains("none, aside, aside-singleflight");
    }

    private CliRun run(String... args) {
        return CliRun.in(project, args);
    }
}
