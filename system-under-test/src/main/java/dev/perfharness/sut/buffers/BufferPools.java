package dev.perfharness.sut.buffers;

import dev.perfharness.config.BufferSettings;
import dev.perfharness.sut.metrics.ServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the buffer pool the {@code buffers} setting chooses; one per service, shared by the log and tar paths. */
public final class BufferPools {
    private static final Logger log = LoggerFactory.getLogger(BufferPools.class);

    private BufferPools() {
    }

    public static BufferPool create(BufferSettings settings, ServiceMetrics metrics) {
        BufferPool pool = switch (settings.variant()) {
            case NONE -> new AllocatingPool(metrics.registry());
            case FIXED -> TieredPool.fixed(metrics.registry());
            case TIERED -> TieredPool.tiered(settings.prewarm(), metrics.registry());
            case NETTY -> new NettyPool(metrics.registry());
        };
        log.atInfo().addKeyValue("variant", pool.name()).addKeyValue("prewarm", settings.prewarm()).log("buffer pool ready");
        return pool;
    }
}
