package dev.perfharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedEnvironmentOnLoopback() {
        HarnessSettings settings = SettingsLoader.defaults();

        assertThat(settings.environment()).isEqualTo(EnvironmentName.EMBEDDED);
        assertThat(settings.server().host()).isEqualTo("127.0.0.1");
        assertThat(settings.redis().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.containers().network()).isEqualTo(ContainerSettings.NetworkMode.BRIDGE);
        assertThat(settings.origin(Setting.ENV).description()).isEqualTo("default");
    }

    @Test
    void seedVariablesConfigureRedis() {
        HarnessSettings settings = SettingsLoader.of(Map.of(
                "REDIS_ADDR", "redis:6379",
                "REDIS_POOL_SIZE", "20",
                "REDIS_READ_TIMEOUT", "1s500ms",
                "REDIS_WRITE_TIMEOUT", "2s",
                "REDIS_MAX_RETRIES", "5"), Map.of()).load();

        assertThat(settings.redis().address()).contains(new HostAndPort("redis", 6379));
        assertThat(settings.redis().poolSize()).isEqualTo(20);
        assertThat(settings.redis().readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.redis().writeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.redis().maxRetries()).isEqualTo(5);
    }

    @Test
    void flagsBeatVariablesWhichBeatFilesWhichBeatDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("harness.properties"), "server.port=9001\nenv=external\nredis.pool-size=7\n");

        HarnessSettings settings = SettingsLoader.of(Map.of("HARNESS_SERVER_PORT", "9002", "HARNESS_ENV", "testcontainers"),
                        Map.of("server.port", "9003"))
                .file(file, true)
                .load();

        assertThat(settings.server().port()).isEqualTo(9003);
        assertThat(settings.environment()).isEqualTo(EnvironmentName.TESTCONTAINERS);
        assertThat(settings.redis().poolSize()).isEqualTo(7);
        assertThat(settings.origin(Setting.REDIS_POOL_SIZE).description()).isEqualTo("file " + file);
    }

    @Test
    void aBadDurationNamesKeyValueAndVariable() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of("REDIS_READ_TIMEOUT", "3 seconds"), Map.of()).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("redis.read-timeout = \"3 seconds\"")
                .hasMessageContaining("environment variable REDIS_READ_TIMEOUT")
                .hasMessageContaining("500ms");
    }

    @Test
    void anUnknownEnvironmentListsTheChoices() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("env", "kubernetes")).load())
                .hasMessageContaining("env = \"kubernetes\"")
                .hasMessageContaining("embedded, testcontainers, external");
    }

    @Test
    void anUnknownKeyInAFileNamesKeyAndFile() throws IOException {
        Path file = Files.writeString(dir.resolve("x.properties"), "redis.adress=1.2.3.4:6379\n");

        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of()).file(file, true).load())
                .hasMessageContaining("unknown setting \"redis.adress\"")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingRequiredFileIsAnError() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of()).file(dir.resolve("none.properties"), true))
                .hasMessageContaining("none.properties does not exist");
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("server.port", "70000")).load())
                .hasMessageContaining("server.port = \"70000\"")
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> SettingsLoader.of(Map.of("REDIS_POOL_SIZE", "ten"), Map.of()).load())
                .hasMessageContaining("not a whole number");
    }

    @Test
    void externalEnvironmentWithoutAnAddressSaysWhatToSet() {
        HarnessSettings settings = SettingsLoader.of(Map.of(), Map.of("env", "external")).load();

        assertThatThrownBy(settings::requireRedisAddress).hasMessageContaining("REDIS_ADDR");
    }

    @Test
    void theStateFolderIsResolvedAgainstTheProject() {
        HarnessSettings settings = SettingsLoader.of(Map.of(), Map.of()).projectDir(dir).load();

        assertThat(settings.stateDir()).isEqualTo(dir.resolve(".harness"));
    }

    @Test
    void asFlagsRoundTrips() {
        HarnessSettings original = SettingsLoader.of(Map.of("REDIS_POOL_SIZE", "3"), Map.of("env", "testcontainers")).load();

        HarnessSettings copy = SettingsLoader.of(Map.of(), original.asFlags()).load();

        assertThat(copy.redis()).isEqualTo(original.redis());
        assertThat(copy.environment()).isEqualTo(original.environment());
    }

    @Test
    void asFlagsCarriesTheResolvedStateFolderToAChildInAnotherFolder() {
        HarnessSettings original = SettingsLoader.of(Map.of(), Map.of()).projectDir(dir).load();

        HarnessSettings child = SettingsLoader.of(Map.of(), original.asFlags()).projectDir(dir.resolve("elsewhere")).load();

        assertThat(child.stateDir()).isEqualTo(dir.resolve(".harness"));
    }

    @Test
    void componentVariantsDefaultToTheAfterSideAndTheSeedsFigures() {
        HarnessSettings settings = SettingsLoader.defaults();

        assertThat(settings.cache().variant()).isEqualTo(CacheVariant.ASIDE_SINGLEFLIGHT);
        assertThat(settings.cache().readTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.cache().writeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.cache().activeTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.cache().failedTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.watch().variant()).isEqualTo(Variant.AFTER);
        assertThat(settings.watch().pingInterval()).isEqualTo(Duration.ofSeconds(54));
        assertThat(settings.watch().writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.podLogs().maxTailLines()).isEqualTo(10_000);
        assertThat(settings.podLogs().discoveryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.jobs().prefill()).isEqualTo(10_000);
    }

    @Test
    void variantsAreChosenByNameWithDashes() {
        HarnessSettings settings = SettingsLoader.of(Map.of("HARNESS_CACHE", "none"),
                Map.of("ws", "before", "logs", "BEFORE", "logs.source", "kubernetes", "cache.early-refresh", "25%")).load();

        assertThat(settings.cache().variant()).isEqualTo(CacheVariant.NONE);
        assertThat(settings.watch().variant()).isEqualTo(Variant.BEFORE);
        assertThat(settings.podLogs().variant()).isEqualTo(Variant.BEFORE);
        assertThat(settings.podLogs().source()).isEqualTo(PodLogSettings.LogSourceKind.KUBERNETES);
        assertThat(settings.cache().earlyRefresh()).isEqualTo(0.25);
    }

    @Test
    void anUnknownVariantNamesTheValueAndTheChoices() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("cache", "write-through")).load())
                .isInstanceOf(SettingsException.class)
                .hasMessage("cache = \"write-through\" (from command line): expected one of none, aside, aside-singleflight");
    }

    @Test
    void sharesAndDurationsAreChecked() {
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("puller.failure-rate", "1.5")).load())
                .hasMessageContaining("puller.failure-rate = \"1.5\"").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("cache.early-refresh", "lots")).load())
                .hasMessageContaining("cache.early-refresh = \"lots\"").hasMessageContaining("not a number");
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("ws.ping-interval", "0s")).load())
                .hasMessageContaining("ws.ping-interval = \"0s\"").hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> SettingsLoader.of(Map.of(), Map.of("tracker.jobs", "-1")).load())
                .hasMessageContaining("tracker.jobs = \"-1\"");
    }

    @Test
    void nothingIsInjectedByDefault() {
        InjectionSettings injection = SettingsLoader.defaults().injection();

        assertThat(injection).isEqualTo(InjectionSettings.NONE);
        assertThat(injection.active()).isFalse();
    }

    @Test
    void anInjectionTakesCpuTimeFromNanosecondsUpAndAllocationInBytes() {
        assertThat(injection("250ns", "100")).isEqualTo(new InjectionSettings(Duration.ofNanos(250), 100));
        assertThat(injection("2us", "0")).isEqualTo(new InjectionSettings(Duration.ofNanos(2_000), 0));
        assertThat(injection("2µs", "0").cpu()).isEqualTo(Duration.ofNanos(2_000));
        assertThat(injection("1ms", "0").cpu()).isEqualTo(Duration.ofMillis(1));
        assertThat(injection("1us500ns", "0").cpu()).isEqualTo(Duration.ofNanos(1_500));
        assertThat(injection("0", "4096")).isEqualTo(new InjectionSettings(Duration.ZERO, 4096));
        assertThat(injection("0", "16").active()).isTrue();
        assertThat(injection("1ns", "0").active()).isTrue();
    }

    @Test
    void anInjectionDescribesItselfAsItsSettings() {
        assertThat(injection("200ns", "100").describe()).isEqualTo("inject.cpu=200ns inject.alloc=100");
        assertThat(injection("2000ns", "0").describe()).isEqualTo("inject.cpu=2us inject.alloc=0");
        assertThat(injection("1ms", "0").describe()).isEqualTo("inject.cpu=1ms inject.alloc=0");
        assertThat(injection("0", "100").asSettings()).containsExactly(Map.entry("inject.cpu", "0"), Map.entry("inject.alloc", "100"));
    }

    @Test
    void anInjectionAsSettingsLoadsBackToItself() {
        InjectionSettings original = injection("1us250ns", "4096");

        assertThat(SettingsLoader.of(Map.of(), original.asSettings()).load().injection()).isEqualTo(original);
    }

    @Test
    void aBadInjectionNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> injection("200 nanos", "0"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("inject.cpu = \"200 nanos\" (from command line): not a duration; write it like 0, 250ns, 2us or 1ms");
        assertThatThrownBy(() -> injection("2s", "0"))
                .hasMessage("inject.cpu = \"2s\" (from command line): must be at most 1s");
        assertThatThrownBy(() -> injection("0", "4KB"))
                .hasMessage("inject.alloc = \"4KB\" (from command line): not a whole number");
        assertThatThrownBy(() -> injection("0", "-1"))
                .hasMessageContaining("inject.alloc = \"-1\"").hasMessageContaining("between 0 and 16777216");
        assertThatThrownBy(() -> SettingsLoader.of(Map.of("HARNESS_INJECT_CPU", "fast"), Map.of()).load())
                .hasMessageContaining("inject.cpu = \"fast\" (from environment variable HARNESS_INJECT_CPU)");
    }

    @Test
    void otherDurationsTakeTheSameUnitsAndABareZero() {
        HarnessSettings settings = SettingsLoader.of(Map.of(), Map.of("redis.read-timeout", "1500us", "redis.write-timeout", "0")).load();

        assertThat(settings.redis().readTimeout()).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(settings.redis().writeTimeout()).isZero();
    }

    private static InjectionSettings injection(String cpu, String alloc) {
        return SettingsLoader.of(Map.of(), Map.of("inject.cpu", cpu, "inject.alloc", alloc)).load().injection();
    }
}
