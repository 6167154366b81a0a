package dev.perfharness.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Variant#BEFORE} and {@link Variant#AFTER} mean for the whole service: one value per
 * component setting. After is each setting's default (the service ships the optimized code); before is
 * the code each seed describes replacing. A load run sets one of these maps and nothing else, so the
 * two sides run the same build and differ by configuration alone.
 */
public final class VariantSettings {
    private static final Map<Setting, String> BEFORE = new EnumMap<>(Setting.class);

    static {
        BEFORE.put(Setting.CACHE, "none");
        BEFORE.put(Setting.WS, "before");
        BEFORE.put(Setting.LOGS, "before");
        BEFORE.put(Setting.DOCKER_CLIENT, "per-call");
        BEFORE.put(Setting.DOCKER_TIMEOUTS, "fixed");
        BEFORE.put(Setting.PULLS, "sequential");
        BEFORE.put(Setting.REGISTRY_AUTH, "per-call");
        BEFORE.put(Setting.WORKERS, "sequential");
        BEFORE.put(Setting.TOKENS, "per-token-timer");
        BEFORE.put(Setting.BUFFERS, "none");
        BEFORE.put(Setting.LOG_FORMAT, "concat");
        BEFORE.put(Setting.AGGREGATOR, "sync");
        BEFORE.put(Setting.BUILD_CONTEXT, "in-memory");
    }

    private VariantSettings() {
    }

    /** Setting key to value, in a stable order, for every component setting. */
    public static Map<String, String> of(Variant variant) {
        Map<String, String> values = new LinkedHashMap<>();
        BEFORE.forEach((setting, before) -> values.put(setting.key(), variant == Variant.BEFORE ? before : setting.defaultValue()));
        return values;
    }
}
