package dev.perfharness.sut.tokens;

import dev.perfharness.config.TokenSettings;
import dev.perfharness.config.TokenSettings.TokenVariant;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the token manager the {@code tokens} setting chooses. */
public final class TokenManagers {
    private static final Logger log = LoggerFactory.getLogger(TokenManagers.class);

    private TokenManagers() {
    }

    public static TokenManager create(TokenSettings settings, ServiceMetrics metrics) {
        return create(settings, metrics, Clock.systemUTC());
    }

    /**
     * As {@link #create(TokenSettings, ServiceMetrics)} on a given clock, so tests and benchmarks can
     * expire tokens without waiting for them.
     */
    public static TokenManager create(TokenSettings settings, ServiceMetrics metrics, Clock clock) {
        String variant = label(settings.variant());
        TokenMetrics meters = new TokenMetrics(metrics.registry(), variant);
        TokenStore store = switch (settings.variant()) {
            case PER_TOKEN_TIMER -> new PerTokenTimerStore(clock, meters);
            case MIN_HEAP -> new ExpiryHeapStore(settings.max(), settings.cleanupInterval(), settings.cleanupBatch(), clock, meters);
            case CAFFEINE -> new CaffeineTokenStore(settings.max(), settings.ttl(), clock, meters);
        };
        log.atInfo().addKeyValue("variant", variant).addKeyValue("ttl", settings.ttl())
                .addKeyValue("max", settings.variant() == TokenVariant.PER_TOKEN_TIMER ? "none (a timer per token)" : settings.max())
                .addKeyValue("bearerRequired", settings.bearerRequired()).log("token manager ready");
        return new TokenManager(variant, store, settings.ttl(), clock, meters);
    }

    /** The setting's spelling: {@code per-token-timer}, {@code min-heap}, {@code caffeine}. */
    static String label(TokenVariant variant) {
        return variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
