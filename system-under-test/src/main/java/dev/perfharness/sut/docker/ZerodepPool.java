package dev.perfharness.sut.docker;

import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import com.github.dockerjava.zerodep.shaded.org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import com.github.dockerjava.zerodep.shaded.org.apache.hc.core5.pool.PoolStats;
import com.github.dockerjava.zerodep.shaded.org.apache.hc.core5.util.TimeValue;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * The connection pool inside docker-java's zerodep transport, with the seed's limits applied.
 *
 * <p>What zerodep (docker-java 3.7.1) can express and what it cannot: its builder takes one number,
 * {@code maxConnections}, and sets both the pool's total and its per-route limit to it; it has no idle
 * timeout and starts no idle evictor, so an idle connection stays open until the engine closes it. The seed
 * asks for 100 connections in all, 50 per engine, closed after 90 s idle. The transport builds a shaded
 * Apache HttpClient 5 {@link PoolingHttpClientConnectionManager} that can do all three, but keeps it in
 * private fields; this class reaches it by reflection (two fields, named in {@link #FIELDS}) and then uses
 * only its public API: {@code setMaxTotal}, {@code setDefaultMaxPerRoute}, {@code closeIdle}, {@code
 * getTotalStats}. If a docker-java upgrade moves those fields, the pooled client fails at start-up with a
 * message saying so, never silently without its limits.
 *
 * <p>One engine is one route (a unix socket or one host:port), so for this client the per-host limit is the
 * one that binds: at most 50 connections open to the engine, and the total of 100 never matters unless the
 * transport is shared among engines. Idle connections are closed by a periodic {@code closeIdle}: a
 * connection idle for the timeout closes within a third of the timeout after (Go's transport closes it at
 * the timeout itself).
 */
final class ZerodepPool {
    static final String FIELDS = "ApacheDockerHttpClientImpl.httpClient -> InternalHttpClient.connManager";

    private final PoolingHttpClientConnectionManager pool;

    private ZerodepPool(PoolingHttpClientConnectionManager pool) {
        this.pool = pool;
    }

    /**
     * @throws IllegalStateException when the transport does not hold its pool where docker-java 3.7.1 does
     */
    static ZerodepPool of(ZerodepDockerHttpClient transport, int maxTotal, int maxPerRoute) {
        ZerodepPool pool = new ZerodepPool(find(transport));
        pool.pool.setMaxTotal(maxTotal);
        pool.pool.setDefaultMaxPerRoute(Math.min(maxPerRoute, maxTotal));
        return pool;
    }

    /** Closes connections that have been idle for at least {@code idle}. */
    void closeIdle(Duration idle) {
        pool.closeIdle(TimeValue.ofMilliseconds(idle.toMillis()));
    }

    int maxTotal() {
        return pool.getMaxTotal();
    }

    int maxPerRoute() {
        return pool.getDefaultMaxPerRoute();
    }

    /** Connections in use by a call now. */
    int leased() {
        return stats().getLeased();
    }

    /** Open connections waiting for a call. */
    int available() {
        return stats().getAvailable();
    }

    /** Calls waiting for a connection because the limit is reached. */
    int pending() {
        return stats().getPending();
    }

    private PoolStats stats() {
        return pool.getTotalStats();
    }

    private static PoolingHttpClientConnectionManager find(ZerodepDockerHttpClient transport) {
        try {
            Object httpClient = field(transport.getClass().getSuperclass(), "httpClient").get(transport);
            Object manager = field(httpClient.getClass(), "connManager").get(httpClient);
            return (PoolingHttpClientConnectionManager) manager;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the connection pool of docker-java's zerodep transport (" + FIELDS
                    + ", as in docker-java 3.7.1) to set its per-host limit and idle timeout: " + e, e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
