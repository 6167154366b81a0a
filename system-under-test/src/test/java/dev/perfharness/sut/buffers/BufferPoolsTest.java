package dev.perfharness.sut.buffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfharness.config.BufferSettings;
import dev.perfharness.config.BufferSettings.BufferVariant;
import dev.perfharness.sut.buffers.BufferPool.Buffer;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The four buffer pools: sizes, reuse, hit and miss counts, bounds, and safe release. */
class BufferPoolsTest {
    private static final int KB = 1024;
    private static final int MB = 1024 * 1024;

    private final ServiceMetrics metrics = new ServiceMetrics();
    private final List<BufferPool> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(BufferPool::close);
        metrics.close();
    }

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void everyPoolHandsOutAtLeastTheSizeAskedForAndCountsItsLoans(BufferVariant variant) {
        BufferPool pool = pool(variant, 2);

        Buffer buffer = pool.acquire(4096);

        assertThat(buffer.capacity()).isGreaterThanOrEqualTo(4096);
        assertThat(buffer.array().length).isGreaterThanOrEqualTo(buffer.offset() + buffer.capacity());
        buffer.array()[buffer.offset() + 4095] = 42;
        assertThat(gauge("buffer.in.use")).isEqualTo(1.0);
        buffer.close();
        assertThat(gauge("buffer.in.use")).isZero();
        assertThat(metrics.registry().get("buffer.acquires").counter().count()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void aSecondCloseIsANoOpAndTheArrayIsOffLimitsAfterTheFirst(BufferVariant variant) {
        BufferPool pool = pool(variant, 2);
        Buffer buffer = pool.acquire(100);

        buffer.close();
        buffer.close();

        assertThat(gauge("buffer.in.use")).isZero();
        assertThatThrownBy(buffer::array).isInstanceOf(IllegalStateException.class).hasMessageContaining("given back");
    }

    @ParameterizedTest
    @EnumSource(BufferVariant.class)
    void negativeSizesAndClosedPoolsAreRefused(BufferVariant variant) {
        BufferPool pool = pool(variant, 0);

        assertThatThrownBy(() -> pool.acquire(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        pool.close();
        assertThatThrownBy(() -> pool.acquire(10)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void noneAllocatesExactlyTheSizeEveryTime() {
        BufferPool pool = pool(BufferVariant.NONE, 0);

        Buffer first = pool.acquire(4096);
        byte[] firstArray = first.array();
        first.close();
        Buffer second = pool.acquire(4096);

        assertThat(second.capacity()).isEqualTo(4096);
        assertThat(second.array()).isNotSameAs(firstArray);
        assertThat(metrics.registry().get("buffer.allocated.bytes").counter().count()).isEqualTo(8192.0);
    }

    @ParameterizedTest
    @CsvSource({"1, 8KB, 8192", "8192, 8KB, 8192", "8193, 32KB, 32768", "32768, 32KB, 32768"})
    void fixedServesLogsFrom8KbAndTarsFrom32Kb(int size, String tier, int capacity) {
        TieredPool pool = (TieredPool) pool(BufferVariant.FIXED, 0);

        Buffer buffer = pool.acquire(size);

        assertThat(buffer.capacity()).isEqualTo(capacity);
        assertThat(counter("buffer.pool.misses", tier)).isEqualTo(1.0);
    }

    @Test
    void fixedAllocatesAbove32KbAndKeepsNothing() {
        TieredPool pool = (TieredPool) pool(BufferVariant.FIXED, 0);

        Buffer buffer = pool.acquire(32 * KB + 1);
        buffer.close();

        assertThat(buffer.capacity()).isEqualTo(32 * KB + 1);
        assertThat(metrics.registry().get("buffer.pool.unpooled").counter().count()).isEqualTo(1.0);
        assertThat(pool.tier("32KB").idle()).isZero();
    }

    @Test
    void aReturnedBufferIsReusedAndCountedAsAHit() {
        TieredPool pool = (TieredPool) pool(BufferVariant.FIXED, 0);
        Buffer first = pool.acquire(4096);
        byte[] array = first.array();
        first.close();

        Buffer second = pool.acquire(6000);

        assertThat(second.array()).isSameAs(array);
        assertThat(counter("buffer.pool.hits", "8KB")).isEqualTo(1.0);
        assertThat(counter("buffer.pool.misses", "8KB")).isEqualTo(1.0);
        assertThat(gauge("buffer.pool.hit.rate", "8KB")).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource({"0, 1KB", "1024, 1KB", "1025, 256KB", "4096, 256KB", "3145728, 5MB", "10485760, 10MB"})
    void tieredPicksTheSmallestTierThatFits(int size, String tier) {
        TieredPool pool = (TieredPool) pool(BufferVariant.TIERED, 0);

        Buffer buffer = pool.acquire(size);

        assertThat(buffer.capacity()).isEqualTo(pool.tier(tier).bytes);
        assertThat(counter("buffer.pool.misses", tier)).isEqualTo(1.0);
    }

    @Test
    void tieredPrewarmsTheSmallTiersOnlyAndCountsHitsUntilTheyRunOut() {
        TieredPool pool = (TieredPool) pool(BufferVariant.TIERED, 50);

        assertThat(pool.tier("1KB").idle()).isEqualTo(50);
        assertThat(pool.tier("256KB").idle()).isEqualTo(50);
        assertThat(List.of("2.5MB", "5MB", "10MB")).allSatisfy(tier -> assertThat(pool.tier(tier).idle()).isZero());

        for (int i = 0; i < 51; i++) {
            pool.acquire(512);
        }

        assertThat(counter("buffer.pool.hits", "1KB")).isEqualTo(50.0);
        assertThat(counter("buffer.pool.misses", "1KB")).isEqualTo(1.0);
        assertThat(gauge("buffer.pool.hit.rate", "1KB")).isEqualTo(50.0 / 51);
        assertThat(gauge("buffer.in.use")).isEqualTo(51.0);
    }

    @Test
    void aLargeTierKeepsNoMoreThanItsByteBudgetIdle() {
        TieredPool pool = (TieredPool) pool(BufferVariant.TIERED, 50);
        List<Buffer> loans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            loans.add(pool.acquire(10 * MB));
        }

        loans.forEach(Buffer::close);

        assertThat(pool.tier("10MB").idle()).isEqualTo(3);
        assertThat(counter("buffer.pool.discarded", "10MB")).isEqualTo(2.0);
    }

    @Test
    void aBufferOfAnotherPoolIsRefused() {
        TieredPool mine = TieredPool.tiered(0, metrics.registry());
        TieredPool theirs = TieredPool.fixed(metrics.registry());
        pools.add(mine);
        pools.add(theirs);
        ArrayLoan foreign = (ArrayLoan) theirs.acquire(100);

        assertThatThrownBy(() -> mine.giveBack(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another pool (fixed)");
        assertThat(mine.tier("1KB").idle()).isZero();
    }

    @Test
    void nettyBuffersAreSlicesOfItsArenasAndGoBackOnClose() {
        NettyPool pool = (NettyPool) pool(BufferVariant.NETTY, 0);
        Buffer first = pool.acquire(4096);
        Buffer second = pool.acquire(4096);

        assertThat(first.capacity()).isEqualTo(4096);
        assertThat(pool.usedHeapBytes()).isPositive();
        // Two live buffers never overlap, even when they are slices of one arena array.
        Arrays.fill(first.array(), first.offset(), first.offset() + 4096, (byte) 1);
        Arrays.fill(second.array(), second.offset(), second.offset() + 4096, (byte) 2);
        assertThat(Arrays.copyOfRange(first.array(), first.offset(), first.offset() + 4096)).containsOnly((byte) 1);
        first.close();
        second.close();
        first.close();
        assertThat(gauge("buffer.in.use")).isZero();
    }

    @Test
    void nettyCountsANewChunkAndAnUnpooledBufferAsMissesAndReusedArenaMemoryAsHits() {
        NettyPool pool = (NettyPool) pool(BufferVariant.NETTY, 0);

        pool.acquire(4096).close();
        pool.acquire(4096).close();
        pool.acquire(32 * MB).close();

        // The first 4 KB buffer needs a chunk, the second reuses it; 32 MB is above any chunk and never pooled.
        assertThat(functionCounter("buffer.pool.misses", "arenas")).isEqualTo(2.0);
        assertThat(functionCounter("buffer.pool.hits", "arenas")).isEqualTo(1.0);
        assertThat(gauge("buffer.pool.hit.rate", "arenas")).isEqualTo(1.0 / 3);
    }

    @Test
    void hitsAndMissesReachPrometheusPerTier() {
        BufferPool pool = pool(BufferVariant.TIERED, 1);
        pool.acquire(100).close();
        pool.acquire(100).close();

        assertThat(metrics.scrape()).contains(
                "buffer_pool_hits_total{pool=\"tiered\",tier=\"1KB\"} 2.0",
                "buffer_pool_misses_total{pool=\"tiered\",tier=\"1KB\"} 0.0",
                "buffer_pool_hit_rate{pool=\"tiered\",tier=\"1KB\"} 1.0");
    }

    private BufferPool pool(BufferVariant variant, int prewarm) {
        BufferPool pool = BufferPools.create(new BufferSettings(variant, prewarm), metrics);
        pools.add(pool);
        return pool;
    }

    private double counter(String name, String tier) {
        return metrics.registry().get(name).tag("tier", tier).counter().count();
    }

    private double functionCounter(String name, String tier) {
        return metrics.registry().get(name).tag("tier", tier).functionCounter().count();
    }

    private double gauge(String name) {
        return metrics.registry().get(name).gauge().value();
    }

    private double gauge(String name, String tier) {
        return metrics.registry().get(name).tag("tier", tier).gauge().value();
    }
}
