/**
 * The service's Docker API client (seed 003) and its timeouts (seed 002), in two variants behind
 * {@link dev.perfharness.sut.docker.DockerApi}, built by {@link dev.perfharness.sut.docker.DockerApis#create}.
 *
 * <ul>
 *   <li>{@code docker.client=per-call} ({@link dev.perfharness.sut.docker.PerCallDockerApi}, the seed's
 *       before): a new client, transport and connection for every call.</li>
 *   <li>{@code docker.client=pooled} ({@link dev.perfharness.sut.docker.PooledDockerApi}, the seed's after):
 *       one pooled transport behind a Resilience4j circuit breaker and bulkhead.</li>
 *   <li>{@code docker.timeouts=fixed|per-operation}: one timeout for every call (10 min) or one per kind of
 *       operation ({@link dev.perfharness.sut.docker.OperationTimeouts}); enforced in both variants by
 *       running the call on a virtual thread and abandoning it at the deadline.</li>
 * </ul>
 *
 * <p>How the seed's numbers map onto docker-java 3.7.1's zerodep transport:
 * <ul>
 *   <li>MaxConnsPerHost 100 / MaxIdleConnsPerHost 50 / MaxIdleConns 100: Apache HttpClient 5 has no separate
 *       idle limit, only a total and a per-route limit on connections (busy or idle). The client sets the total
 *       to {@code docker.pool.max-connections} (100) and the per-route limit to {@code docker.pool.max-per-host}
 *       (50). One engine is one route, so at most 50 connections are ever open to it.</li>
 *   <li>IdleConnTimeout 90 s: zerodep has no setting for it and never evicts idle connections; the pooled
 *       client closes connections idle for {@code docker.pool.idle-timeout} itself, by calling the pool's
 *       {@code closeIdle} every third of that timeout.</li>
 *   <li>zerodep's builder sets total and per-route limits to one number; the pool is reached by reflection to
 *       set them apart (see {@code ZerodepPool}); a docker-java upgrade that moves it fails the pooled
 *       client's start with a message, never silently.</li>
 *   <li>zerodep's {@code responseTimeout} is a socket read timeout per transport; it cannot bound an
 *       operation (a slow stream never trips it) nor differ per operation, hence the virtual-thread deadline.</li>
 * </ul>
 *
 * <p>Metrics: {@code docker.calls{operation,outcome}} (timer), {@code docker.calls.refused{by}} (counter),
 * {@code docker.breaker.state} and {@code docker.pool.connections{state}} (gauges, pooled only), and a
 * microsecond HdrHistogram per operation in {@code /internal/histograms}, tagged {@code docker.<operation>}.
 */
package dev.perfharness.sut.docker;
