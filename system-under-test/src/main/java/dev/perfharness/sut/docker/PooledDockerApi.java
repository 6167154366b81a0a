package dev.perfharness.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.perfharness.config.DockerSettings;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Seed 003's after ({@code docker.client=pooled}): one docker-java client on one pooled transport (100
 * connections, 50 per engine, closed after 90 s idle: see {@link ZerodepPool} for how zerodep is made to
 * honour each), behind a Resilience4j circuit breaker and bulkhead.
 *
 * <p>The breaker opens after {@code docker.breaker.failures} consecutive failures (a count-based window of
 * that many calls, opening at a 100 % failure rate) and, {@code docker.breaker.open-for} later, turns
 * half-open by itself and lets one trial call through: its success closes the breaker, its failure opens it
 * again. While open, calls fail at once with {@link Reason#CIRCUIT_OPEN} and never reach the engine. Only
 * signs of an unhealthy engine count as failures: TIMEOUT and UNREACHABLE. An engine error (no such image,
 * a conflict) is an answer, so it counts as a success; a CANCELLED call (its caller went away) is not
 * counted at all. No call is ever "slow" to the breaker: the seed's breaker counts failures only, and each
 * call is already bounded by its operation's timeout.
 *
 * <p>The bulkhead admits {@code docker.bulkhead} calls in flight and refuses the next one at once with
 * {@link Reason#BULKHEAD_FULL} instead of queueing it (the seed's MaxConcurrentRequests). It sits outside
 * the breaker, so that a refusal for fullness never counts for or against the engine.
 */
public final class PooledDockerApi implements DockerApi {
    private static final Logger log = LoggerFactory.getLogger(PooledDockerApi.class);
    static final String BREAKER_STATE = "docker.breaker.state";
    static final String POOL_CONNECTIONS = "docker.pool.connections";

    private final DockerSettings settings;
    private final TimedCalls calls;
    private final DockerFailures failures;
    private final DockerCallMetrics metrics;
    private final DockerClient client;
    private final ZerodepPool pool;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final ScheduledExecutorService idleCloser;

    PooledDockerApi(DockerSettings settings, EngineClients clients, TimedCalls calls, DockerFailures failures, DockerCallMetrics metrics) {
        this.settings = settings;
        this.calls = calls;
        this.failures = failures;
        this.metrics = metrics;
        // The transport's read timeout is only a backstop behind each operation's own (TimedCalls).
        ZerodepDockerHttpClient transport = clients.transport(settings.maxConnections(), calls.timeouts().longest());
        this.pool = ZerodepPool.of(transport, settings.maxConnections(), settings.maxConnectionsPerHost());
        this.client = clients.client(transport);
        this.breaker = CircuitBreaker.of("docker " + clients.engine(), breakerConfig(settings, calls.timeouts()));
        this.bulkhead = Bulkhead.of("docker " + clients.engine(), BulkheadConfig.custom()
                .maxConcurrentCalls(settings.bulkhead())
                .maxWaitDuration(Duration.ZERO)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log
                .atLevel(event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED ? Level.INFO : Level.WARN)
                .addKeyValue("engine", clients.engine())
                .addKeyValue("from", event.getStateTransition().getFromState())
                .addKeyValue("to", event.getStateTransition().getToState())
                .log("docker circuit breaker changed state"));
        this.idleCloser = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("docker-pool-idle").factory());
        long checkMillis = Math.max(1, settings.idleTimeout().toMillis() / 3);
        idleCloser.scheduleAtFixedRate(() -> pool.closeIdle(settings.idleTimeout()), checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        registerGauges();
    }

    private static final java.util.Set<DockerOperation> BYPASSES_BREAKER =
            java.util.EnumSet.of(DockerOperation.WAIT, DockerOperation.LOGS, DockerOperation.REMOVE);

    private static CircuitBreakerConfig breakerConfig(DockerSettings settings, OperationTimeouts timeouts) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures())
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(100)
                .slowCallDurationThreshold(timeouts.longest().plusSeconds(1))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(failure -> failure instanceof DockerApiException call
                        && (call.reason() == Reason.TIMEOUT || call.reason() == Reason.UNREACHABLE))
                .ignoreException(failure -> failure instanceof DockerApiException call && call.reason() == Reason.CANCELLED)
                .build();
    }

    @Override
    public <T> T call(DockerOperation operation, DockerCall<T> call) {
        return guard(operation, () -> calls.run(operation, timeout -> call.run(client, timeout)));
    }

    /**
     * The bulkhead and, unless {@code operation} bypasses it, the breaker around {@code body}, which runs on
     * the caller's thread: all that {@link #call} adds to the per-call client's path besides the pool. Public
     * so that its cost alone can be measured (the jmh module's DockerClientBenchmark).
     *
     * @throws DockerApiException with reason CIRCUIT_OPEN or BULKHEAD_FULL when {@code body} was not run
     */
    public <T> T guard(DockerOperation operation, Supplier<T> body) {
        // WAIT and LOGS last as long as the container runs, which the user decides: their timeouts say
        // nothing of the engine's health. REMOVE is clean-up, tried even while the breaker is open, so
        // an outage does not leave containers behind. All three still pass the bulkhead.
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead,
                BYPASSES_BREAKER.contains(operation) ? body : CircuitBreaker.decorateSupplier(breaker, body));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            metrics.refused(operation, CallOutcome.CIRCUIT_OPEN);
            throw failures.circuitOpen(operation, settings.breakerFailures(), settings.breakerOpenFor(), e);
        } catch (BulkheadFullException e) {
            metrics.refused(operation, CallOutcome.BULKHEAD_FULL);
            throw failures.bulkheadFull(operation, settings.bulkhead(), e);
        }
    }

    /** 0 closed, 1 open, 2 half-open: the value of {@code docker.breaker.state}. */
    public int breakerState() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
        };
    }

    /** The pool's limits as applied: at most {@code maxTotal} connections, {@code maxPerRoute} to the engine. */
    int maxTotal() {
        return pool.maxTotal();
    }

    int maxPerRoute() {
        return pool.maxPerRoute();
    }

    private void registerGauges() {
        metrics.gauge(Gauge.builder(BREAKER_STATE, this, PooledDockerApi::breakerState)
                .description("the Docker client's circuit breaker: 0 closed, 1 open, 2 half-open")
                .register(metrics.registry()));
        poolGauge("leased", ZerodepPool::leased);
        poolGauge("available", ZerodepPool::available);
        poolGauge("pending", ZerodepPool::pending);
    }

    private void poolGauge(String state, ToDoubleFunction<ZerodepPool> value) {
        metrics.gauge(Gauge.builder(POOL_CONNECTIONS, pool, value)
                .description("connections of the pooled Docker client: leased (in a call), available (idle, open), pending (calls waiting for one)")
                .tag("state", state)
                .register(metrics.registry()));
    }

    @Override
    public void close() {
        idleCloser.shutdownNow();
        metrics.removeGauges();
        PerCallDockerApi.closeQuietly(client);
    }
}
