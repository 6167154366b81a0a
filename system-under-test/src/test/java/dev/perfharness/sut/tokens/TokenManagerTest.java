package dev.perfharness.sut.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfharness.config.EnvironmentName;
import dev.perfharness.config.TokenSettings;
import dev.perfharness.env.TestSettings;
import dev.perfharness.sut.metrics.ServiceMetrics;
import dev.perfharness.sut.tokens.ExpiryHeapStore.Sweep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three token managers: issuing, checking, expiry before cleanup, batched cleanup, the size cap and per-token timers. */
class TokenManagerTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00.123Z");

    private final ServiceMetrics metrics = new ServiceMetrics();
    private final MutableClock clock = new MutableClock(START);
    private final List<TokenManager> managers = new ArrayList<>();

    @AfterEach
    void close() {
        managers.forEach(TokenManager::close);
        metrics.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"per-token-timer", "min-heap", "caffeine"})
    void anIssuedTokenIsUrlSafeBase64Of32BytesAndValidUntilItsExpiry(String variant) {
        TokenManager tokens = manager(variant, Map.of("tokens.ttl", "1h"));

        IssuedToken issued = tokens.issue();

        assertThat(issued.token()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(issued.token())).hasSize(32);
        assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(tokens.validate(issued.token()).status()).isEqualTo(TokenStatus.VALID);
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.issue().token()).isNotEqualTo(issued.token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"per-token-timer", "min-heap", "caffeine"})
    void aWellFormedTokenThatWasNeverIssuedIsUnknown(String variant) {
        TokenManager tokens = manager(variant, Map.of());
        tokens.issue();

        TokenCheck check = tokens.validate(TokenFormat.encode(new byte[32]));

        assertThat(check.status()).isEqualTo(TokenStatus.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", ""})
    void wrongLengthsForeignCharactersAndStrayBitsAreMalformedAndNeverQuoted(String token) {
        TokenManager tokens = manager("min-heap", Map.of());

        TokenCheck check = tokens.validate(token);

        assertThat(check.status()).isEqualTo(TokenStatus.MALFORMED);
        if (!token.isEmpty()) {
            assertThat(check.message()).doesNotContain(token);
        }
    }

    @Test
    void theAuthorizationHeaderMustBeBearerInAnyCase() {
        TokenManager tokens = manager("min-heap", Map.of());
        String token = tokens.issue().token();

        assertThat(tokens.checkAuthorization(null).status()).isEqualTo(TokenStatus.MISSING);
        assertThat(tokens.checkAuthorization("Basic dXNlcjpwYXNz").status()).isEqualTo(TokenStatus.MALFORMED);
        assertThat(tokens.checkAuthorization(token).status()).isEqualTo(TokenStatus.MALFORMED);
        assertThat(tokens.checkAuthorization(token).message()).doesNotContain(token);
        assertThat(tokens.checkAuthorization("bearer " + token).status()).isEqualTo(TokenStatus.VALID);
        assertThat(tokens.checkAuthorization("Bearer " + token).status()).isEqualTo(TokenStatus.VALID);
        assertThat(metrics.scrape()).contains("tokens_validations_total{result=\"missing\",variant=\"min-heap\"} 1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"per-token-timer", "min-heap"})
    void anExpiredTokenIsRefusedAtOnceWhileItIsStillHeld(String variant) {
        TokenManager tokens = manager(variant, Map.of("tokens.ttl", "1h", "tokens.cleanup-interval", "1h"));
        String token = tokens.issue().token();

        clock.advance(Duration.ofHours(1));

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.validate(token).status()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void caffeineRefusesAnExpiredTokenAtOnceAsUnknown() {
        TokenManager tokens = manager("caffeine", Map.of("tokens.ttl", "1h"));
        String token = tokens.issue().token();

        clock.advance(Duration.ofHours(1));

        assertThat(tokens.validate(token).status()).isEqualTo(TokenStatus.UNKNOWN);
        assertThat(tokens.size()).isZero();
        assertThat(counter("tokens.expired")).isEqualTo(1.0);
    }

    @Test
    void theCleanerRemovesExpiredTokensInBatchesAndLeavesTheRest() {
        TokenManager tokens = manager("min-heap", Map.of("tokens.ttl", "1h", "tokens.cleanup-batch", "100", "tokens.cleanup-interval", "1h"));
        for (int i = 0; i < 250; i++) {
            tokens.issue();
        }
        clock.advance(Duration.ofMinutes(30));
        String fresh = tokens.issue().token();
        clock.advance(Duration.ofMinutes(30));

        Sweep sweep = ((ExpiryHeapStore) tokens.store()).cleanUp();

        assertThat(sweep).isEqualTo(new Sweep(250, 3));
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.validate(fresh).status()).isEqualTo(TokenStatus.VALID);
        assertThat(counter("tokens.expired")).isEqualTo(250.0);
        assertThat(((ExpiryHeapStore) tokens.store()).cleanUp()).isEqualTo(new Sweep(0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"min-heap", "caffeine"})
    void removeExpiredRunsTheVariantsCleanupNowAndKeepsLiveTokens(String variant) {
        TokenManager tokens = manager(variant, Map.of("tokens.ttl", "1h", "tokens.cleanup-interval", "1h"));
        for (int i = 0; i < 3; i++) {
            tokens.issue();
        }
        clock.advance(Duration.ofMinutes(30));
        String fresh = tokens.issue().token();
        clock.advance(Duration.ofMinutes(31));

        tokens.removeExpired();

        assertThat(counter("tokens.expired")).isEqualTo(3.0);
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.validate(fresh).valid()).isTrue();
    }

    @Test
    void removeExpiredLeavesPerTokenTimersToThemselves() {
        TokenManager tokens = manager("per-token-timer", Map.of("tokens.ttl", "1h"));
        tokens.issue();
        clock.advance(Duration.ofHours(2));

        tokens.removeExpired();

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(gauge("token.timer.threads")).isEqualTo(1.0);
    }

    @Test
    void theCleanerThreadRunsOnItsOwnEveryInterval() {
        TokenManager tokens = manager("min-heap", Map.of("tokens.ttl", "1h", "tokens.cleanup-interval", "50ms"));
        tokens.issue();
        clock.advance(Duration.ofHours(2));

        await().atMost(Duration.ofSeconds(5)).until(() -> tokens.size() == 0);
        assertThat(counter("tokens.expired")).isEqualTo(1.0);
    }

    @Test
    void aboveTheCapTheLeastRecentlyUsedTokenIsEvicted() {
        TokenManager tokens = manager("min-heap", Map.of("tokens.max", "3", "tokens.ttl", "1h"));
        String first = tokens.issue().token();
        String second = tokens.issue().token();
        String third = tokens.issue().token();
        tokens.validate(first);

        String fourth = tokens.issue().token();

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.validate(second).status()).isEqualTo(TokenStatus.UNKNOWN);
        assertThat(List.of(first, third, fourth)).allSatisfy(token -> assertThat(tokens.validate(token).valid()).isTrue());
        assertThat(counter("tokens.evicted")).isEqualTo(1.0);
    }

    @Test
    void aboveTheCapAnExpiredTokenGoesBeforeALiveOne() {
        TokenManager tokens = manager("min-heap", Map.of("tokens.max", "2", "tokens.ttl", "1h", "tokens.cleanup-interval", "1h"));
        String old = tokens.issue().token();
        clock.advance(Duration.ofMinutes(59));
        String newer = tokens.issue().token();
        tokens.validate(old);
        clock.advance(Duration.ofMinutes(2));

        String newest = tokens.issue().token();

        assertThat(tokens.validate(old).status()).isEqualTo(TokenStatus.UNKNOWN);
        assertThat(tokens.validate(newer).valid()).isTrue();
        assertThat(tokens.validate(newest).valid()).isTrue();
        assertThat(counter("tokens.expired")).isEqualTo(1.0);
        assertThat(counter("tokens.evicted")).isZero();
    }

    @Test
    void caffeineHoldsAtMostTheCap() {
        TokenManager tokens = manager("caffeine", Map.of("tokens.max", "10", "tokens.ttl", "1h"));
        for (int i = 0; i < 30; i++) {
            tokens.issue();
        }

        assertThat(tokens.size()).isEqualTo(10);
        assertThat(counter("tokens.evicted")).isEqualTo(20.0);
        assertThat(counter("tokens.issued")).isEqualTo(30.0);
    }

    @Test
    void perTokenTimersRemoveTheirTokenAndEnd() {
        TokenManager tokens = TokenManagers.create(settings("per-token-timer", Map.of("tokens.ttl", "2s")), metrics);
        managers.add(tokens);
        for (int i = 0; i < 5; i++) {
            tokens.issue();
        }
        assertThat(gauge("token.timer.threads")).isEqualTo(5.0);

        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("token.timer.threads") == 0);
        assertThat(tokens.size()).isZero();
        assertThat(counter("tokens.expired")).isEqualTo(5.0);
    }

    @Test
    void closingEndsEveryPerTokenTimerAndRefusesToIssue() {
        TokenManager tokens = manager("per-token-timer", Map.of("tokens.ttl", "1h"));
        for (int i = 0; i < 3; i++) {
            tokens.issue();
        }

        tokens.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("token.timer.threads") == 0);
        assertThat(tokens.size()).isZero();
        assertThatThrownBy(tokens::issue).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theHeldGaugeFollowsTheStore() {
        TokenManager tokens = manager("min-heap", Map.of());
        tokens.issue();
        tokens.issue();

        assertThat(metrics.scrape()).contains("tokens_held{variant=\"min-heap\"} 2.0", "tokens_issued_total{variant=\"min-heap\"} 2.0");
    }

    private TokenManager manager(String variant, Map<String, String> overrides) {
        TokenManager manager = TokenManagers.create(settings(variant, overrides), metrics, clock);
        managers.add(manager);
        return manager;
    }

    private static TokenSettings settings(String variant, Map<String, String> overrides) {
        Map<String, String> flags = new HashMap<>(overrides);
        flags.put("tokens", variant);
        return TestSettings.forEnvironment(EnvironmentName.EMBEDDED, flags).tokens();
    }

    private double counter(String name) {
        return metrics.registry().get(name).counter().count();
    }

    private double gauge(String name) {
        return metrics.registry().get(name).gauge().value();
    }
}
