package dev.perfharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantSettingsTest {

    @Test
    void beforeAndAfterDifferInEveryComponentAndBothLoad() {
        Map<String, String> before = VariantSettings.of(Variant.BEFORE);
        Map<String, String> after = VariantSettings.of(Variant.AFTER);

        assertThat(before.keySet()).isEqualTo(after.keySet());
        before.forEach((key, value) -> assertThat(after.get(key)).as(key).isNotEqualTo(value));
        HarnessSettings old = SettingsLoader.of(Map.of(), before).load();
        HarnessSettings current = SettingsLoader.of(Map.of(), after).load();
        assertThat(old.cache().variant()).isEqualTo(CacheVariant.NONE);
        assertThat(old.tokens().variant()).isEqualTo(TokenSettings.TokenVariant.PER_TOKEN_TIMER);
        assertThat(current.cache().variant()).isEqualTo(CacheVariant.ASIDE_SINGLEFLIGHT);
    }

    @Test
    void afterIsWhatTheServiceRunsByDefault() {
        HarnessSettings defaults = SettingsLoader.defaults();
        HarnessSettings after = SettingsLoader.of(Map.of(), VariantSettings.of(Variant.AFTER)).load();

        assertThat(after).usingRecursiveComparison().ignoringFields("sources").isEqualTo(defaults);
    }
}
