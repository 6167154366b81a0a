package dev.perfharness.sut.tokens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The token manager's meters, tagged with the variant: {@code tokens_held}, {@code tokens_issued_total},
 * {@code tokens_evicted_total} (the size cap), {@code tokens_expired_total} (removed after expiry) and
 * {@code tokens_validations_total{result}}. The per-token-timer variant adds {@code token_timer_threads}.
 */
final class TokenMetrics {
    private final MeterRegistry registry;
    private final String variant;
    private final Counter issued;
    private final Counter evicted;
    private final Counter expired;
    private final Map<TokenStatus, Counter> validations = new EnumMap<>(TokenStatus.class);

    TokenMetrics(MeterRegistry registry, String variant) {
        this.registry = registry;
        this.variant = variant;
        issued = counter("tokens.issued", "tokens handed out by POST /api/v1/tokens");
        evicted = counter("tokens.evicted", "tokens dropped before expiry because tokens.max were held");
        expired = counter("tokens.expired", "tokens removed after their expiry");
        for (TokenStatus status : TokenStatus.values()) {
            validations.put(status, Counter.builder("tokens.validations").description("bearer token checks by result")
                    .tag("variant", variant).tag("result", status.label()).register(registry));
        }
    }

    /** Registers {@code tokens_held}, read from {@code store}. */
    <T> void held(T store, ToDoubleFunction<T> size) {
        Gauge.builder("tokens.held", store, size).description("tokens held, expired ones not yet removed included")
                .tag("variant", variant).register(registry);
    }

    /** Registers {@code token_timer_threads}: the per-token variant's timers still alive. */
    <T> void timerThreads(T source, ToDoubleFunction<T> count) {
        Gauge.builder("token.timer.threads", source, count).description("live per-token expiry timers (virtual threads)")
                .tag("variant", variant).register(registry);
    }

    void issued() {
        issued.increment();
    }

    void evicted(int count) {
        evicted.increment(count);
    }

    void expired(int count) {
        expired.increment(count);
    }

    void validated(TokenStatus status) {
        validations.get(status).increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("variant", variant).register(registry);
    }
}
