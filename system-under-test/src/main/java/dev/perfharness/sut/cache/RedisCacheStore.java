package dev.perfharness.sut.cache;

import dev.perfharness.sut.redis.RedisConnections;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * GET and SET with the seed's own deadlines (1 s read, 2 s write), shorter than the connection's
 * command timeout: the cache gives up on Redis long before Redis gives up on the command.
 */
final class RedisCacheStore {
    private final RedisConnections redis;
    private final Duration readTimeout;
    private final Duration writeTimeout;

    RedisCacheStore(RedisConnections redis, Duration readTimeout, Duration writeTimeout) {
        this.redis = redis;
        this.readTimeout = readTimeout;
        this.writeTimeout = writeTimeout;
    }

    /** A value and how long it has left to live. */
    record Entry(Optional<String> value, long remainingMillis) {
    }

    /** GET, waiting at most the read timeout. */
    Optional<String> get(String key) {
        return Optional.ofNullable(await(redis.next().thenCompose(connection -> connection.async().get(key))));
    }

    /** GET and PTTL in one round trip (Lettuce pipelines commands written back to back on a connection). */
    Entry getWithTtl(String key) {
        return await(redis.next().thenCompose(connection -> {
            RedisAsyncCommands<String, String> commands = connection.async();
            CompletableFuture<String> value = commands.get(key).toCompletableFuture();
            CompletableFuture<Long> ttl = commands.pttl(key).toCompletableFuture();
            return value.thenCombine(ttl, (v, remaining) -> new Entry(Optional.ofNullable(v), remaining == null ? -2 : remaining));
        }));
    }

    /** SET with a TTL, in the background; the stage fails if Redis does not confirm within the write timeout. */
    CompletableFuture<Void> set(String key, String value, Duration ttl) {
        return redis.next()
                .thenCompose(connection -> connection.async().set(key, value, SetArgs.Builder.px(ttl.toMillis())))
                .toCompletableFuture()
                .orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(ok -> { });
    }

    private <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS).get();
        } catch (ExecutionException e) {
            throw new CacheUnavailable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheUnavailable(e);
        }
    }
}
