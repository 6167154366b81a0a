package dev.perfharness.sut.cache;

import dev.perfharness.sut.redis.RedisConnections;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether Redis is worth asking. A Resilience4j circuit breaker counts the cache's Redis calls;
 * when at least half of the last ten (three at least) failed, it opens and requests stop waiting on
 * Redis. Requests never probe: a background PING every {@code probeInterval} takes the single
 * half-open permit, and one answer closes the breaker again. So during an outage no request waits out
 * the read deadline more than once, and recovery is noticed within a probe interval.
 */
final class RedisOutageGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisOutageGuard.class);

    private final CircuitBreaker breaker;
    private final RedisConnections redis;
    private final Duration probeTimeout;
    private final ScheduledExecutorService prober =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("redis-probe").daemon().factory());

    RedisOutageGuard(RedisConnections redis, Duration probeInterval, Duration probeTimeout, MeterRegistry registry) {
        this.redis = redis;
        this.probeTimeout = probeTimeout;
        this.breaker = CircuitBreaker.of("redis-cache", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(probeInterval)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A trial that never reports (it should not happen) must not keep the breaker half-open for ever.
                .maxWaitDurationInHalfOpenState(probeTimeout.multipliedBy(2))
                .recordExceptions(Throwable.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.atInfo()
                .addKeyValue("transition", event.getStateTransition())
                .log(event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED
                        ? "redis is back: the cache asks it again"
                        : "redis cache circuit changed state"));
        Gauge.builder("cache.redis.available", breaker, b -> b.getState() == CircuitBreaker.State.CLOSED ? 1 : 0)
                .description("1 while the cache asks Redis, 0 while it bypasses a Redis known to be down")
                .register(registry);
        prober.scheduleWithFixedDelay(this::probe, probeInterval.toMillis(), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean redisUsable() {
        return breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    void succeeded(long nanos) {
        if (redisUsable()) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void failed(long nanos, Throwable failure) {
        if (redisUsable()) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
        }
    }

    private void probe() {
        if (redisUsable() || !breaker.tryAcquirePermission()) {
            return;
        }
        long started = System.nanoTime();
        try {
            redis.ping(probeTimeout).toCompletableFuture().get();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (Throwable e) {
            // Any failure is the probe's answer; none may end the scheduled probing.
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
